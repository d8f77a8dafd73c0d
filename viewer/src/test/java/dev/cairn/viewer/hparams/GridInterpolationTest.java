package dev.cairn.viewer.hparams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Inverse-distance weighting onto a grid. */
class GridInterpolationTest {

    @Test
    void gridSpansThePointsAndCellsOnAPointTakeItsValue() {
        GridInterpolation.Grid g = GridInterpolation.idw(new double[] {0, 2, 0, 2}, new double[] {0, 0, 4, 4},
                new double[] {1, 2, 3, 4}, 3, 3, false, false);
        assertThat(g.xs()).containsExactly(0, 1, 2);
        assertThat(g.ys()).containsExactly(0, 2, 4);
        assertThat(g.z()[0][0]).isEqualTo(1);
        assertThat(g.z()[0][2]).isEqualTo(2);
        assertThat(g.z()[2][2]).isEqualTo(4);
        // the centre is equally far from all four corners: their mean
        assertThat(g.z()[1][1]).isCloseTo(2.5, within(1e-12));
        // the middle of the bottom edge, axes scaled to 0..1: bottom corners at d² = 0.25 (weight 4), top corners
        // at d² = 1.25 (weight 0.8) -> (4·1 + 4·2 + 0.8·3 + 0.8·4) / 9.6
        assertThat(g.z()[0][1]).isCloseTo(17.6 / 9.6, within(1e-12));
    }

    @Test
    void logAxesSpaceTheGridInDecades() {
        GridInterpolation.Grid g = GridInterpolation.idw(new double[] {0.001, 1}, new double[] {1, 2},
                new double[] {0, 1}, 4, 2, true, false);
        assertThat(g.xs()[0]).isCloseTo(0.001, within(1e-15));
        assertThat(g.xs()[1]).isCloseTo(0.01, within(1e-12));
        assertThat(g.xs()[2]).isCloseTo(0.1, within(1e-12));
        assertThat(g.xs()[3]).isCloseTo(1, within(1e-12));
    }

    @Test
    void mismatchedInputIsRejected() {
        assertThatThrownBy(() -> GridInterpolation.idw(new double[] {1}, new double[] {1, 2}, new double[] {1},
                2, 2, false, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
