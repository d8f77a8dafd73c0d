package dev.cairn.viewer.hparams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spearman correlation against values worked out by hand. */
class SpearmanTest {

    @Test
    void tiesGetTheAverageRank() {
        assertThat(Spearman.ranks(new double[] {5, 6, 7, 8, 7})).containsExactly(1, 2, 3.5, 5, 3.5);
    }

    @Test
    void matchesTheHandComputedValueWithTies() {
        // ranks x: 1 2 3 4 5; ranks y: 1 2 3.5 5 3.5 -> cov 8, var 10 and 9.5 -> 8 / sqrt(95)
        double rho = Spearman.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertThat(rho).isCloseTo(8 / Math.sqrt(95), within(1e-12));
        assertThat(rho).isCloseTo(0.820783, within(1e-6));
    }

    @Test
    void perfectlyReversedOrderIsMinusOneEvenWithTies() {
        assertThat(Spearman.of(new double[] {1, 1, 2, 3}, new double[] {4, 4, 3, 1})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void monotoneButNonLinearIsOne() {
        assertThat(Spearman.of(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 1000})).isCloseTo(1, within(1e-12));
    }

    @Test
    void pairsWithAMissingSideAreLeftOut() {
        double rho = Spearman.of(new double[] {1, 2, Double.NaN, 3, 4}, new double[] {2, 1, 9, 4, Double.NaN});
        // pairs (1,2) (2,1) (3,4): ranks 1 2 3 vs 2 1 3 -> cov 0.5... = 1 - 6*2/(3*8) = 0.5
        assertThat(rho).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void constantOrTooShortIsNaN() {
        assertThat(Spearman.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Spearman.of(new double[] {1, 2}, new double[] {1, 2})).isNaN();
    }
}
