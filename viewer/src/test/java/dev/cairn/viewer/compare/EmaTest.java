package dev.cairn.viewer.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmaTest {
    @Test
    void matchesHandComputedDebiasedSeries() {
        // w = 0.5: last = 0.5, 1.25, 2.125; debias 0.5, 0.75, 0.875
        double[] s = Ema.smooth(new double[] {1, 2, 3}, 0.5);
        assertThat(s[0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1]).isCloseTo(1.25 / 0.75, within(1e-12));
        assertThat(s[2]).isCloseTo(2.125 / 0.875, within(1e-12));
    }

    @Test
    void skipsNonFinitePointsWithoutCountingThem() {
        // w = 0.5: after 1 -> last 0.5 (n=1); NaN passes; 3 -> last 1.75 (n=2), debias 0.75
        double[] s = Ema.smooth(new double[] {1, Double.NaN, 3}, 0.5);
        assertThat(s[0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1]).isNaN();
        assertThat(s[2]).isCloseTo(1.75 / 0.75, within(1e-12));
    }

    @Test
    void weightZeroAndConstantSeriesAreUnchanged() {
        assertThat(Ema.smooth(new double[] {4, 1, 9}, 0)).containsExactly(4, 1, 9);
        assertThat(Ema.smooth(new double[] {2, 2, 2}, 0.9)).containsExactly(2, 2, 2);
    }

    @Test
    void refusesWeightsOutsideTheRange() {
        assertThatThrownBy(() -> Ema.smooth(new double[] {1}, 1.0)).hasMessageContaining("0..0.999");
    }
}
