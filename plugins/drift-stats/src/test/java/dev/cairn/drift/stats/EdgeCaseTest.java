package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeCaseTest {

    private static final List<DriftTest> NUMERIC_TESTS = List.of(new KolmogorovSmirnovTest(), new WassersteinTest(),
            new PsiTest(), new JensenShannonTest(), new ChiSquareTest(), new ZTest());

    @Test
    void emptyCurrentSampleIsAClearError() {
        ColumnSample ref = ColumnSample.numeric("age", new double[] {1, 2, 3});
        ColumnSample empty = ColumnSample.numeric("age", new double[0]);
        for (DriftTest t : NUMERIC_TESTS) {
            assertThatThrownBy(() -> t.test(ref, empty, t.defaultThreshold()))
                    .as(t.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("current sample of column 'age' is empty");
        }
    }

    @Test
    void allMissingColumnIsEmptyAndSaysHowManyWereMissing() {
        ColumnSample ref = ColumnSample.numeric("age", new double[] {1, 2, 3});
        ColumnSample missing = ColumnSample.numeric("age", new double[] {Double.NaN, Double.NaN,
            Double.POSITIVE_INFINITY});
        assertThat(missing.isEmpty()).isTrue();
        assertThat(missing.missingCount()).isEqualTo(3);
        assertThatThrownBy(() -> new KolmogorovSmirnovTest().test(missing, ref, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference sample of column 'age' is empty (3 missing");
    }

    @Test
    void missingValuesAreExcluded() {
        ColumnSample withNaN = ColumnSample.numeric("x", new double[] {3, Double.NaN, 1, 2});
        ColumnSample clean = ColumnSample.numeric("x", new double[] {1, 2, 3});
        assertThat(withNaN.sampleSize()).isEqualTo(3);
        assertThat(new KolmogorovSmirnovTest().test(withNaN, clean, 0.05).pValue()).isEqualTo(1.0);
        assertThat(new WassersteinTest().test(withNaN, clean, 0.1).score()).isZero();
    }

    @Test
    void singleValueSamples() {
        ColumnSample one = ColumnSample.numeric("x", new double[] {5});
        ColumnSample other = ColumnSample.numeric("x", new double[] {6});
        assertThat(new KolmogorovSmirnovTest().test(one, one, 0.05).pValue()).isEqualTo(1.0);
        assertThat(new KolmogorovSmirnovTest().test(one, other, 0.05).pValue()).isEqualTo(1.0);
        DriftResult w = new WassersteinTest().test(one, other, 0.1);
        assertThat(w.score()).isEqualTo(1.0 / WassersteinTest.MIN_NORM);
        assertThat(w.drifted()).isTrue();
        assertThat(new ZTest().test(one, one, 0.05).pValue()).isEqualTo(1.0);
        DriftResult chi = new ChiSquareTest().test(one, one, 0.05);
        assertThat(chi.pValue()).isEqualTo(1.0);
        assertThat(chi.message()).isPresent();
        assertThat(new PsiTest().test(one, one, 0.1).score()).isZero();
        assertThat(new JensenShannonTest().test(one, one, 0.1).score()).isZero();
    }

    @Test
    void identicalSamplesDoNotDrift() {
        ColumnSample c = ColumnSample.categorical("c", Map.of("a", 10L, "b", 20L, "c", 30L));
        for (DriftTest t : List.of(new ChiSquareTest(), new PsiTest(), new JensenShannonTest())) {
            assertThat(t.test(c, c, t.defaultThreshold()).drifted()).as(t.id()).isFalse();
        }
    }

    @Test
    void numericOnlyTestsRejectCounts() {
        ColumnSample c = ColumnSample.categorical("c", Map.of("a", 10L));
        assertThatThrownBy(() -> new KolmogorovSmirnovTest().test(c, c, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CATEGORICAL");
        assertThatThrownBy(() -> new WassersteinTest().test(c, c, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not support");
    }

    @Test
    void sampleIsImmutableAndSorted() {
        double[] raw = {3, -0.0, 1};
        ColumnSample s = ColumnSample.numeric("x", raw);
        raw[0] = 100;
        assertThat(s.copySortedValues()).containsExactly(0.0, 1.0, 3.0);
        assertThat(s.sortedValues().isReadOnly()).isTrue();
        assertThat(s.counts()).containsEntry("0.0", 1L).hasSize(3);
    }
}
