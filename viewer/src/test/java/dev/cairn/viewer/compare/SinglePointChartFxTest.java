package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.testing.FxWait;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that logged one point: its line would be invisible, so the chart draws it as a marker. */
@ExtendWith(ApplicationExtension.class)
class SinglePointChartFxTest {
    @TempDir
    static Path dir;
    TrackingStore store;
    CompareView view;
    FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        store = TrackingStore.open(dir.resolve("single-" + System.nanoTime() + ".db"));
        Run one = CompareStoreFixture.run(store, "one", Map.of("lr", "0.1"), "blue", 1, 1.0);
        Run many = CompareStoreFixture.run(store, "many", Map.of("lr", "0.2"), "blue", 50, 1.0);
        runner = new FxTaskRunner(2);
        CompareViewModel vm = new CompareViewModel(store, runner, List.of(one.id(), many.id()));
        view = new CompareView(vm, Theme.LIGHT, runner);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1000, 700));
        stage.show();
        vm.load();
    }

    @AfterEach
    void close() {
        runner.shutdown();
        store.close();
    }

    @Test
    void aSeriesOfOnePointIsDrawnWithAMarker() throws Exception {
        FxWait.until(10, () -> !view.chartViews().isEmpty() && view.chartViews().get(0).viewModel().loadCount() > 0
                && !view.chartViews().get(0).pointRenderer().getDatasets().isEmpty());
        MetricChartView chart = view.chartViews().get(0);
        assertThat(chart.pointRenderer().getDatasets()).hasSize(1);
        assertThat(chart.pointRenderer().getDatasets().get(0).getDataCount()).isEqualTo(1);
        assertThat(chart.pointRenderer().isDrawMarker()).isTrue();
    }
}
