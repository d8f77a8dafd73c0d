package dev.cairn.viewer.hparams;

import dev.cairn.viewer.testing.FxWait;
import atlantafx.base.theme.PrimerLight;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.FxTaskRunner;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The hyperparameter view on a real store under Monocle: brushing an axis, the importance bars. */
@ExtendWith(ApplicationExtension.class)
class HparamsViewFxTest {
    private static final int RUNS = 120;

    @TempDir
    static Path dir;

    TrackingStore store;
    FxTaskRunner runner;
    HparamsViewModel vm;
    HparamsView view;
    final List<List<String>> selected = new ArrayList<>();
    final List<List<String>> compared = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        store = TrackingStore.open(Files.createTempDirectory(dir, "fx").resolve("sweep.db"));
        Random random = new Random(3);
        String[] optimizers = {"sgd", "adagrad", "rmsprop"};
        List<Map<String, String>> params = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            params.add(Map.of("learning_rate", String.valueOf(Math.pow(10, -3 + 2.5 * random.nextDouble())),
                    "optimizer", optimizers[random.nextInt(3)], "epochs", String.valueOf(5 * (1 + random.nextInt(4))),
                    "seed", String.valueOf(random.nextInt(10_000))));
        }
        List<String> ids = SweepStores.write(store, "demo: crescents classifier", RUNS, params::get,
                "val/accuracy", p -> 0.95 - 0.1 * Math.abs(Math.log10(Double.parseDouble(p.get("learning_rate"))) + 1.5));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxTaskRunner(1);
        vm = new HparamsViewModel(store, runner);
        vm.setOnSelectRuns(selected::add);
        vm.setOnCompare(compared::add);
        view = new HparamsView(vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        vm.setRuns(ids);
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        store.close();
    }

    @Test
    void axesMostRunsLackComeBackWithOneClick(FxRobot robot) throws Exception {
        FxWait.until(20, () -> vm.tableProperty().get() != null && !vm.axesProperty().get().isEmpty());
        List<String> forests = SweepStores.write(store, "families", 10, i -> i < 7
                ? Map.of("model", "forest", "depth", String.valueOf(3 + i))
                : Map.of("model", "logreg", "C", String.valueOf(0.5 * i)), "val/accuracy", p -> 0.8);
        robot.interact(() -> vm.setRuns(forests));
        FxWait.until(20, () -> vm.sparseAxes().contains("C"));
        javafx.scene.control.Hyperlink link = robot.lookup("#showSparseAxes").queryAs(
                javafx.scene.control.Hyperlink.class);
        FxWait.until(5, () -> link.isVisible() && link.getText().contains("C"));
        robot.clickOn(link);
        FxWait.until(5, () -> vm.axesProperty().get().stream().anyMatch(a -> a.key().equals("C"))
                && !link.isVisible());
    }

    @Test
    void brushingAnAxisCountsAndHighlightsTheRunsLeft(FxRobot robot) throws Exception {
        waitUntil(() -> vm.tableProperty().get() != null && vm.keptCountProperty().get() == RUNS);
        assertThat(on(() -> vm.targetProperty().get().label())).isEqualTo("val/accuracy (max)");
        assertThat(on(() -> robot.lookup("#keptCount").queryAs(Label.class).getText())).isEqualTo(RUNS + " runs");
        List<String> axes = on(() -> vm.axesProperty().get().stream().map(PlotAxis::key).toList());
        assertThat(axes).containsExactly("epochs", "learning_rate", "optimizer", "seed", PlotAxis.TARGET_KEY);

        ParallelCoordinatesChart chart = view.parallelChart();
        Point2D from = on(() -> screen(chart, chart.pointOf(1, 0.95)));
        Point2D to = on(() -> screen(chart, chart.pointOf(1, 0.55)));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        int kept = on(() -> vm.keptCountProperty().get());
        assertThat(kept).isGreaterThan(0).isLessThan(RUNS);
        assertThat(on(() -> robot.lookup("#keptCount").queryAs(Label.class).getText()))
                .isEqualTo(kept + " of " + RUNS + " runs");
        Brush brush = on(() -> vm.brushesProperty().get().byAxis().get("learning_rate"));
        assertThat(brush.lo()).isBetween(0.5, 0.6);
        assertThat(brush.hi()).isBetween(0.9, 1.0);

        Point2D target = on(() -> screen(chart, chart.pointOf(4, 0.99)));
        Point2D targetLow = on(() -> screen(chart, chart.pointOf(4, 0.5)));
        robot.moveTo(target).press(MouseButton.PRIMARY).moveTo(targetLow).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int both = on(() -> vm.keptCountProperty().get());
        assertThat(both).isLessThanOrEqualTo(kept);

        robot.clickOn("#selectKept");
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0)).hasSize(both);

        robot.clickOn("#clearBrushes");
        waitUntil(() -> vm.keptCountProperty().get() == RUNS);
    }

    @Test
    void aBrushRedrawsTheHighlightedLinesAsAFullRedrawWould(FxRobot robot) throws Exception {
        waitUntil(() -> vm.tableProperty().get() != null && vm.keptCountProperty().get() == RUNS);
        ParallelCoordinatesChart chart = view.parallelChart();
        int[][] unbrushed = on(() -> new int[][] {chart.shownLinePixelsForTests(),
                chart.linePixelsFromScratchForTests()});
        assertThat(unbrushed[0]).isEqualTo(unbrushed[1]);

        Point2D from = on(() -> screen(chart, chart.pointOf(1, 0.9)));
        Point2D to = on(() -> screen(chart, chart.pointOf(1, 0.4)));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        waitUntil(() -> vm.keptCountProperty().get() < RUNS);

        // after the release: full resolution again, and pixel for pixel the frame drawn from scratch
        int[][] brushed = on(() -> new int[][] {chart.shownLinePixelsForTests(),
                chart.linePixelsFromScratchForTests()});
        assertThat(brushed[0]).hasSameSizeAs(unbrushed[0]).isNotEqualTo(unbrushed[0]);
        assertThat(brushed[0]).isEqualTo(brushed[1]);
    }

    @Test
    void importanceShowsSortedBarsWithTheRunCount(FxRobot robot) throws Exception {
        waitUntil(() -> vm.importanceProperty().get() != null);
        robot.clickOn("Importance");
        WaitForAsyncUtils.waitForFxEvents();
        ImportanceReport report = on(() -> vm.importanceProperty().get());
        assertThat(report.reliable()).isTrue();
        assertThat(report.params().get(0).param()).isEqualTo("learning_rate");
        int bars = on(() -> view.importancePane().chart().getDatasets().get(0).getDataCount());
        assertThat(bars).isEqualTo(4);
        assertThat(on(() -> robot.lookup("#importanceExplanation").queryAs(Label.class).getText()))
                .contains("Based on " + RUNS + " runs");

        robot.clickOn("Best runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(() -> view.bestRunsTable().table().getItems().size())).isEqualTo(HparamsViewModel.BEST_RUNS);
        robot.clickOn("#compareBest");
        assertThat(compared).hasSize(1);
        assertThat(compared.get(0)).hasSize(HparamsViewModel.BEST_RUNS);
    }

    @Test
    void draggingAnAxisTitleReordersTheAxes(FxRobot robot) throws Exception {
        waitUntil(() -> vm.tableProperty().get() != null && vm.axesProperty().get().size() == 5);
        ParallelCoordinatesChart chart = view.parallelChart();
        Point2D title = on(() -> screen(chart, chart.pointOf(0, 1.0))).add(0, -12);
        Point2D beyondThird = on(() -> screen(chart, chart.pointOf(2, 1.0))).add(20, -12);
        robot.moveTo(title).press(MouseButton.PRIMARY).moveTo(title.add(30, 0)).moveTo(beyondThird)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(() -> List.copyOf(vm.chosenParams())))
                .containsExactly("learning_rate", "optimizer", "epochs", "seed");
    }

    private static Point2D screen(ParallelCoordinatesChart chart, double[] local) {
        return chart.localToScreen(local[0], local[1]);
    }

    private static <T> T on(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(30, condition);
    }
}
