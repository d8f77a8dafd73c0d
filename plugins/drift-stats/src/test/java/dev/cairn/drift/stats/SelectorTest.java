package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnOverride;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DatasetDriftRule;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTestSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private static double[] distinctValues(int rows, int distinct, double offset) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = offset + i % distinct;
        }
        return v;
    }

    private static ColumnSample numeric(String name, int rows, int distinct) {
        return ColumnSample.numeric(name, distinctValues(rows, distinct, 0));
    }

    private final DriftTestSelector selector = DriftTestSelector.fromServiceLoader(Map.of());

    private String chosen(ColumnSample ref, ColumnSample cur) {
        return selector.choose(ref, cur).test().id();
    }

    @Test
    void smallNumericReferenceWithManyValuesUsesKs() {
        assertThat(chosen(numeric("x", 1000, 6), numeric("x", 50, 6))).isEqualTo("ks");
        assertThat(selector.choose(numeric("x", 1000, 6), numeric("x", 50, 6)).threshold()).isEqualTo(0.05);
    }

    @Test
    void fiveDistinctNumericValuesAreCategorical() {
        assertThat(chosen(numeric("x", 1000, 5), numeric("x", 50, 5))).isEqualTo("chisquare");
        assertThat(chosen(numeric("x", 1000, 2), numeric("x", 50, 2))).isEqualTo("ztest");
    }

    @Test
    void distinctValuesCountTheUnionOfBothSamples() {
        ColumnSample ref = ColumnSample.numeric("x", distinctValues(100, 3, 0));
        ColumnSample cur = ColumnSample.numeric("x", distinctValues(100, 3, 3));
        assertThat(chosen(ref, cur)).isEqualTo("ks");
    }

    @Test
    void largeReferenceUsesDistances() {
        assertThat(chosen(numeric("x", 1001, 6), numeric("x", 50, 6))).isEqualTo("wasserstein");
        assertThat(chosen(numeric("x", 1001, 5), numeric("x", 50, 5))).isEqualTo("jensenshannon");
        ColumnSample cat = ColumnSample.categorical("c", Map.of("a", 700L, "b", 400L));
        assertThat(chosen(cat, cat)).isEqualTo("jensenshannon");
        assertThat(selector.choose(cat, cat).threshold()).isEqualTo(0.1);
    }

    @Test
    void reservoirRowCountDecidesSmallOrLarge() {
        ColumnSample reservoir = ColumnSample.values("x", ColumnKind.NUMERIC, distinctValues(500, 50, 0), 1_000_000, 0);
        assertThat(chosen(reservoir, numeric("x", 500, 50))).isEqualTo("wasserstein");
    }

    @Test
    void categoricalChoosesChiSquareOrZByCategoryCount() {
        ColumnSample three = ColumnSample.categorical("c", Map.of("a", 5L, "b", 5L, "c", 5L));
        ColumnSample two = ColumnSample.categorical("c", Map.of("a", 5L, "b", 5L));
        ColumnSample bool = ColumnSample.counts("flag", ColumnKind.BOOLEAN, Map.of("true", 5L, "false", 9L), 0);
        assertThat(chosen(three, three)).isEqualTo("chisquare");
        assertThat(chosen(two, two)).isEqualTo("ztest");
        assertThat(chosen(bool, bool)).isEqualTo("ztest");
        assertThat(chosen(two, three)).isEqualTo("chisquare");
    }

    @Test
    void overridesReplaceTestAndThreshold() {
        DriftTestSelector withOverrides = DriftTestSelector.fromServiceLoader(Map.of(
                "x", ColumnOverride.of("psi", 0.2),
                "y", ColumnOverride.threshold(0.01)));
        DriftTestSelector.Choice x = withOverrides.choose(numeric("x", 100, 50), numeric("x", 100, 50));
        assertThat(x.test().id()).isEqualTo("psi");
        assertThat(x.threshold()).isEqualTo(0.2);
        DriftTestSelector.Choice y = withOverrides.choose(numeric("y", 100, 50), numeric("y", 100, 50));
        assertThat(y.test().id()).isEqualTo("ks");
        assertThat(y.threshold()).isEqualTo(0.01);
    }

    @Test
    void unknownOverrideIsReported() {
        DriftTestSelector bad = DriftTestSelector.fromServiceLoader(Map.of("x", ColumnOverride.test("anderson")));
        assertThatThrownBy(() -> bad.choose(numeric("x", 10, 10), numeric("x", 10, 10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("anderson");
    }

    @Test
    void selectorRunsTheChosenTest() {
        Random rnd = new Random(7);
        double[] a = new double[300];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian() + 1.0;
        }
        DriftResult r = selector.test(ColumnSample.numeric("x", a), ColumnSample.numeric("x", b));
        assertThat(r.testId()).isEqualTo("ks");
        assertThat(r.drifted()).isTrue();
        assertThat(r.pValue()).isLessThan(1e-10);
    }

    @Test
    void datasetDriftsWhenAtLeastHalfTheColumnsDrift() {
        DriftResult yes = DriftResult.ofDistance("psi", 0.5, 0.1, null);
        DriftResult no = DriftResult.ofDistance("psi", 0.01, 0.1, null);
        assertThat(DatasetDriftRule.DEFAULT.evaluate(List.of(yes, no)).drifted()).isTrue();
        assertThat(DatasetDriftRule.DEFAULT.evaluate(List.of(yes, no, no)).drifted()).isFalse();
        DatasetDriftRule.Verdict v = new DatasetDriftRule(0.3).evaluate(List.of(yes, no, no));
        assertThat(v.drifted()).isTrue();
        assertThat(v.driftedColumns()).isEqualTo(1);
        assertThat(v.totalColumns()).isEqualTo(3);
        assertThat(DatasetDriftRule.DEFAULT.evaluate(List.of()).drifted()).isFalse();
        assertThatThrownBy(() -> new DatasetDriftRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verdictRulesDifferForPValuesAndDistances() {
        assertThat(DriftResult.ofPValue("ks", 0.05, 0.05, null).drifted()).isFalse();
        assertThat(DriftResult.ofPValue("ks", 0.0499, 0.05, null).drifted()).isTrue();
        assertThat(DriftResult.ofDistance("psi", 0.1, 0.1, null).drifted()).isTrue();
        assertThat(DriftResult.ofDistance("psi", 0.1, 0.1, null).pValue()).isNull();
        assertThat(DriftResult.ofPValue("ks", 0.2, 0.05, "m").message()).isEqualTo(Optional.of("m"));
    }
}
