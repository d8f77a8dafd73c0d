package dev.cairn.viewer.hparams;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.viewer.common.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The view-model on a real store, jobs run directly. */
class HparamsViewModelTest {
    @TempDir
    Path dir;
    TrackingStore store;
    List<String> ids;
    HparamsViewModel vm;
    final List<List<String>> selected = new ArrayList<>();
    final List<List<String>> compared = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = TrackingStore.open(dir.resolve("vm.db"));
        ids = SweepStores.write(store, "sweep", 30, i -> Map.of("lr", String.valueOf(Math.pow(10, -4 + i / 10.0)),
                "optimizer", i % 2 == 0 ? "adam" : "sgd", "epochs", "10"), "val/acc",
                p -> Double.parseDouble(p.get("lr")));
        vm = new HparamsViewModel(store, new DirectTaskRunner(), new ImportanceEstimator(8, 1), Runnable::run);
        vm.setOnSelectRuns(selected::add);
        vm.setOnCompare(compared::add);
        vm.setRuns(ids);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void loadsTheRunsGuessesTheTargetAndShowsVaryingParams() {
        assertThat(vm.tableProperty().get().size()).isEqualTo(30);
        assertThat(vm.targetProperty().get()).isEqualTo(new Target("val/acc", MetricAggregate.MAX, Goal.MAXIMISE));
        assertThat(vm.paramNames()).containsExactly("epochs", "lr", "optimizer");
        assertThat(vm.chosenParams()).containsExactly("lr", "optimizer");
        assertThat(vm.axesProperty().get()).extracting(PlotAxis::key)
                .containsExactly("lr", "optimizer", PlotAxis.TARGET_KEY);
        assertThat(vm.axesProperty().get().get(0).mapping().scale()).isEqualTo(AxisScale.LOG);
        assertThat(vm.importanceProperty().get().reliable()).isTrue();
        assertThat(vm.importanceProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.bestRowsProperty().get()).startsWith(29, 28, 27);
    }

    @Test
    void axesMostRunsLackAreHiddenUntilAskedFor() {
        // two model families in one experiment: 20 forests with depth, 10 logistic regressions with C
        List<String> mixed = SweepStores.write(store, "families", 30, i -> i < 20
                ? Map.of("model", "forest", "depth", String.valueOf(2 + i % 5))
                : Map.of("model", "logreg", "C", String.valueOf(0.1 * i)), "val/acc", p -> 0.5);
        vm.setRuns(mixed);
        assertThat(vm.chosenParams()).contains("depth", "C");
        assertThat(vm.axesProperty().get()).extracting(PlotAxis::key).contains("depth").doesNotContain("C");
        assertThat(vm.sparseAxes()).containsExactly("C");
        vm.showSparseAxes();
        assertThat(vm.axesProperty().get()).extracting(PlotAxis::key).contains("depth", "C");
        assertThat(vm.sparseAxes()).isEmpty();
    }

    @Test
    void brushingKeepsRunsBestFirstAndSendsThemOn() {
        vm.brush("lr", new Brush(0.5, 1.0));
        assertThat(vm.keptCountProperty().get()).isEqualTo(15);
        assertThat(vm.keptRunIds()).hasSize(15).startsWith(ids.get(29), ids.get(28));
        vm.brush("optimizer", new Brush(0.0, 0.5));
        assertThat(vm.keptCountProperty().get()).isEqualTo(7); // the even (adam) rows of 15..29
        vm.selectKeptRuns();
        assertThat(selected).containsExactly(vm.keptRunIds());
        vm.clearBrushes();
        vm.compareKeptRuns();
        assertThat(compared.get(0)).hasSize(HparamsViewModel.MAX_COMPARE).startsWith(ids.get(29));
    }

    @Test
    void changingTheTargetOrHidingAnAxisKeepsTheRestConsistent() {
        vm.brush("optimizer", new Brush(0.0, 0.5));
        vm.setParamShown("optimizer", false);
        assertThat(vm.brushesProperty().get().isEmpty()).isTrue();
        assertThat(vm.keptCountProperty().get()).isEqualTo(30);
        vm.setParamShown("epochs", true);
        vm.moveAxis(1, 0);
        assertThat(vm.chosenParams()).containsExactly("epochs", "lr");
        vm.setTarget(new Target("val/acc", MetricAggregate.MIN, Goal.MINIMISE));
        assertThat(vm.chosenParams()).containsExactly("epochs", "lr");
        assertThat(vm.bestRowsProperty().get()).startsWith(0, 1, 2);
        vm.setFlipped("lr", true);
        assertThat(vm.axesProperty().get().get(1).mapping().flipped()).isTrue();
    }
}
