package dev.cairn.viewer.compare;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.Theme;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens Compare for three runs in a real stage (Monocle, headless) and drives it. */
@ExtendWith(ApplicationExtension.class)
class CompareViewFxTest {
    @TempDir
    static Path dir;
    TrackingStore store;
    CompareViewModel vm;
    CompareView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet());
        store = TrackingStore.open(dir.resolve("fx.db"));
        Run a = CompareStoreFixture.run(store, "alpha", Map.of("lr", "0.1", "depth", "4"), "blue", 2_000, 1.0);
        Run b = CompareStoreFixture.run(store, "beta", Map.of("lr", "0.01", "depth", "4"), "blue", 2_000, 2.0);
        Run c = CompareStoreFixture.run(store, "gamma", Map.of("lr", "0.1", "depth", "4"), "blue", 1_000, 3.0);
        FxTaskRunner runner = new FxTaskRunner(2);
        vm = new CompareViewModel(store, runner, List.of(a.id(), b.id(), c.id()));
        view = new CompareView(vm, Theme.LIGHT, runner);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 780);
        scene.getStylesheets().add(getClass().getResource("/dev/cairn/viewer/compare/compare.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.load();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private MetricChartView lossChart() {
        return view.chartViews().stream().filter(v -> v.viewModel().title().equals("loss")).findFirst()
                .orElseThrow();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        FxWait.until(10, condition);
    }

    @Test
    void opensThreeRunsTogglesDifferencesChangesXAxisZoomsAndResets(FxRobot robot) throws Exception {
        waitUntil(() -> view.chartViews().size() == 2 && lossChart().viewModel().loadCount() > 0);
        assertThat(view.table().getColumns()).hasSize(2 + 3);
        int all = view.table().getItems().size();
        assertThat(view.table().getItems()).extracting(CompareRow::label).contains("depth");
        assertThat(lossChart().chart().getDatasets().size() + lossChart().chart().getAllDatasets().size())
                .isPositive();

        robot.clickOn("#differencesOnly");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#differencesOnly").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(view.table().getItems()).extracting(CompareRow::label).doesNotContain("depth").contains("lr");
        assertThat(view.table().getItems().size()).isLessThan(all);

        ChartViewModel loss = lossChart().viewModel();
        int width = loss.pixelWidth();
        assertThat(width).isGreaterThan(100);
        assertThat(loss.lastRequests()).allSatisfy(r -> assertThat(r.buckets()).isEqualTo(width));

        ChoiceBox<?> x = robot.lookup("#xAxisChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> x.getSelectionModel().select(XAxisMode.RELATIVE_TIME.ordinal()));
        waitUntil(() -> lossChart().viewModel().seriesProperty().get().stream()
                .allMatch(s -> s.size() > 0 && s.x()[s.size() - 1] < 2_001));
        assertThat(vm.charts().options().xAxisProperty().get()).isEqualTo(XAxisMode.RELATIVE_TIME);
        assertThat(loss.lastRequests()).allSatisfy(r -> assertThat(r.range().axis().name()).isEqualTo("TIME"));

        // zoom: drag a box over the middle of the loss chart's plot area
        var plot = lossChart().xAxis();
        var bounds = plot.localToScreen(plot.getBoundsInLocal());
        double y = bounds.getMinY() - 120;
        robot.drag(bounds.getMinX() + bounds.getWidth() * 0.3, y).dropTo(
                new javafx.geometry.Point2D(bounds.getMinX() + bounds.getWidth() * 0.6, y - 60));
        // the zoom is settled once the range is set and the store was asked for it (not only for the whole series)
        waitUntil(() -> loss.visibleRangeProperty().get() != null
                && loss.lastRequests().stream().noneMatch(r -> r.range().isAll()));
        double[] visible = loss.visibleRangeProperty().get();
        assertThat(visible[1] - visible[0]).isLessThan(2_000 * 0.5);
        assertThat(loss.lastRequests()).allSatisfy(r -> assertThat(r.range().isAll()).isFalse());

        robot.clickOn("#resetAllZoom");
        waitUntil(() -> loss.visibleRangeProperty().get() == null);
        assertThat(loss.lastRequests()).allSatisfy(r -> assertThat(r.range().isAll()).isTrue());
        assertThat(lossChart().xAxis().isAutoRanging()).isTrue();
    }

    @Test
    void legendClickHidesARunInTheChart(FxRobot robot) throws Exception {
        waitUntil(() -> view.chartViews().size() == 2 && lossChart().viewModel().loadCount() > 0);
        String first = vm.runs().get(0).run().id();

        int before = lossChart().chart().getAllDatasets().size();
        robot.clickOn(robot.lookup("#legend-" + first).nth(0).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.charts().options().hidden()).containsExactly(first);
        assertThat(lossChart().chart().getAllDatasets().size()).isLessThan(before);
        assertThat(robot.lookup("#legend-" + first).nth(0).queryLabeled().getStyleClass()).contains("hidden-line");
    }

    @Test
    void exportsTheGridAsPng(FxRobot robot) throws Exception {
        waitUntil(() -> view.chartViews().size() == 2 && lossChart().viewModel().loadCount() > 0);
        Path png = dir.resolve("chart.png");
        robot.interact(() -> {
            try {
                dev.cairn.viewer.common.PngExport.writeNow(lossChart().node(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(200);
        assertThat(image.getHeight()).isGreaterThan(150);
    }
}
