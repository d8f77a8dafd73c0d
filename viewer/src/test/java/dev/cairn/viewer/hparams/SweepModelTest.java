package dev.cairn.viewer.hparams;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricAggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sweep table, axis scaling, categorical encoding and brushing, read from a real store. */
class SweepModelTest {
    private static final Target ACC_MAX = new Target("acc", MetricAggregate.MAX, Goal.MAXIMISE);

    @TempDir
    Path dir;
    private TrackingStore store;
    private SweepTable table;

    @BeforeEach
    void setUp() {
        store = TrackingStore.open(dir.resolve("sweep.db"));
        String[] lrs = {"0.001", "1e-2", "0.1", "1", null};
        String[] optimizers = {"adam", "sgd", "adam", null, "rmsprop"};
        List<String> ids = SweepStores.write(store, "sweep", 5, i -> {
            Map<String, String> p = new HashMap<>();
            if (lrs[i] != null) {
                p.put("lr", lrs[i]);
            }
            if (optimizers[i] != null) {
                p.put("optimizer", optimizers[i]);
            }
            p.put("epochs", "10");
            p.put("depth", String.valueOf(i + 1));
            return p;
        }, "acc", p -> p.containsKey("lr") ? 0.5 + Double.parseDouble(p.get("depth")) / 10 : Double.NaN);
        table = SweepTable.of(SweepStores.details(store, ids), ACC_MAX);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void numbersLoggedAsStringsAreNumericOthersCategorical() {
        assertThat(table.params().get("lr").kind()).isEqualTo(ParamKind.NUMERIC);
        assertThat(table.params().get("lr").number(1)).isEqualTo(0.01);
        assertThat(table.params().get("lr").isMissing(4)).isTrue();
        assertThat(table.params().get("optimizer").kind()).isEqualTo(ParamKind.CATEGORICAL);
        assertThat(table.params().get("optimizer").categories()).containsExactly("adam", "rmsprop", "sgd");
        assertThat(table.params().get("optimizer").code(3)).isEqualTo(-1);
    }

    @Test
    void paramsWithOneValueAreHiddenByDefault() {
        assertThat(table.varyingParams()).containsExactly("depth", "lr", "optimizer");
        assertThat(table.params().get("epochs").isConstant()).isTrue();
    }

    @Test
    void targetUsesTheAggregateAndIsMissingWithoutTheMetric() {
        assertThat(table.targetColumn().number(0)).isCloseTo(0.6, within(1e-12));
        assertThat(table.targetColumn().isMissing(4)).isTrue();
        assertThat(table.metrics().get("acc").number(2)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void linearAxisSpansPresentValuesAboveTheMissingTick() {
        AxisMapping depth = new AxisMapping(table.params().get("depth"), AxisScale.LINEAR, false);
        assertThat(depth.position(0)).isEqualTo(0.0);
        assertThat(depth.position(4)).isEqualTo(1.0);
        assertThat(depth.position(2)).isCloseTo(0.5, within(1e-12));

        AxisMapping lr = new AxisMapping(table.params().get("lr"), AxisScale.LINEAR, false);
        assertThat(lr.position(4)).isEqualTo(AxisMapping.MISSING_POSITION);
        assertThat(lr.position(0)).isCloseTo(AxisMapping.MISSING_GAP, within(1e-12));
        assertThat(lr.position(3)).isEqualTo(1.0);
        assertThat(lr.ticks(5)).extracting(AxisTick::label).contains(AxisMapping.MISSING_LABEL);
    }

    @Test
    void logAxisSpacesDecadesEvenlyAndFlipReverses() {
        AxisMapping lr = new AxisMapping(table.params().get("lr"), AxisScale.LOG, false);
        double gap = AxisMapping.MISSING_GAP;
        assertThat(lr.scale()).isEqualTo(AxisScale.LOG);
        for (int i = 0; i < 4; i++) {
            assertThat(lr.position(i)).isCloseTo(gap + (1 - gap) * i / 3.0, within(1e-12));
        }
        assertThat(lr.ticks(5)).extracting(AxisTick::label).containsExactly("(missing)", "0.001", "0.01", "0.1", "1");

        AxisMapping flipped = new AxisMapping(table.params().get("lr"), AxisScale.LOG, true);
        assertThat(flipped.position(0)).isEqualTo(1.0);
        assertThat(flipped.position(3)).isCloseTo(gap, within(1e-12));
        assertThat(flipped.position(4)).isEqualTo(AxisMapping.MISSING_POSITION);
    }

    @Test
    void logFallsBackToLinearWhenAValueIsNotPositive() {
        ParamColumn c = ParamColumn.ofNumbers("shift", new double[] {-1, 0, 1});
        assertThat(new AxisMapping(c, AxisScale.LOG, false).scale()).isEqualTo(AxisScale.LINEAR);
    }

    @Test
    void categoricalAxisHasOneTickPerValueInTheMiddleOfItsSlot() {
        AxisMapping opt = new AxisMapping(table.params().get("optimizer"), AxisScale.LINEAR, false);
        double gap = AxisMapping.MISSING_GAP;
        assertThat(opt.ticks(5)).extracting(AxisTick::label)
                .containsExactly("(missing)", "adam", "rmsprop", "sgd");
        assertThat(opt.position(0)).isCloseTo(gap + (1 - gap) / 6, within(1e-12));
        assertThat(opt.position(4)).isCloseTo(gap + (1 - gap) * 3 / 6, within(1e-12));
        assertThat(opt.position(1)).isCloseTo(gap + (1 - gap) * 5 / 6, within(1e-12));
        assertThat(opt.position(3)).isEqualTo(AxisMapping.MISSING_POSITION);
        assertThat(opt.valueText(opt.position(4))).isEqualTo("rmsprop");
    }

    @Test
    void brushesOnSeveralAxesCombineWithAnd() {
        Map<String, float[]> positions = Map.of(
                "depth", new AxisMapping(table.params().get("depth"), AxisScale.LINEAR, false).positions(),
                "optimizer", new AxisMapping(table.params().get("optimizer"), AxisScale.LINEAR, false).positions());
        assertThat(Brushes.NONE.apply(positions, 5).cardinality()).isEqualTo(5);

        Brushes upper = Brushes.NONE.with("depth", new Brush(0.45, 1.0));
        BitSet kept = upper.apply(positions, 5);
        assertThat(kept.stream().boxed().toList()).containsExactly(2, 3, 4);

        Brushes both = upper.with("optimizer", new Brush(0.9, 0.2));
        assertThat(both.byAxis().get("optimizer").lo()).isEqualTo(0.2);
        assertThat(both.apply(positions, 5).stream().boxed().toList()).containsExactly(2, 4);

        assertThat(both.without("depth").apply(positions, 5).stream().boxed().toList()).containsExactly(0, 1, 2, 4);
        assertThat(both.with("hidden-axis", new Brush(0, 0.01)).apply(positions, 5).cardinality()).isEqualTo(2);
    }

    @Test
    void bestRunsFollowTheGoalAndSkipMissingTargets() {
        assertThat(BestRuns.top(table, 3)).containsExactly(3, 2, 1);
        SweepTable minimise = SweepTable.of(
                SweepStores.details(store, table.runIds()), new Target("acc", MetricAggregate.LAST, Goal.MINIMISE));
        assertThat(BestRuns.top(minimise, 10)).containsExactly(0, 1, 2, 3);
    }
}
