package dev.cairn.app.drift;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.app.demo.DemoData;
import dev.cairn.app.demo.DriftSection;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.drift.ColumnRow;
import dev.cairn.viewer.drift.DriftView;
import dev.cairn.viewer.drift.DriftViewModel;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift view of the demo model in a real stage (Monocle), with the app's plugin-based report computation. */
@ExtendWith(ApplicationExtension.class)
class DriftViewFxTest {
    @TempDir
    static Path dir;

    TrackingStore store;
    FxTaskRunner runner;
    DriftViewModel vm;
    DriftView view;

    @Start
    void start(Stage stage) throws Exception {
        store = TrackingStore.open(Files.createTempDirectory(dir, "fx").resolve("demo.db"));
        DemoData.generate(store, p -> { }, List.of(new DriftSection()), Instant.parse("2026-06-01T09:00:00Z"));
        runner = new FxTaskRunner(1);
        DriftReports reports = DriftReports.builtIn();
        vm = new DriftViewModel(store, reports::report, runner);
        view = new DriftView(vm);
        stage.setScene(new Scene(view, 1240, 760));
        stage.show();
        vm.reload();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        store.close();
    }

    @Test
    void opensTheDemoModelAndSelectsADriftedCell(FxRobot robot) throws Exception {
        waitUntil(() -> vm.snapshot().get() != null);
        assertThat(vm.model().get()).isEqualTo(DriftSection.MODEL);
        assertThat(robot.lookup("#drift-status").queryAs(Label.class).getText()).isEqualTo("Latest batch drifted");
        assertThat(robot.lookup("#drift-batches").queryAs(Label.class).getText()).isEqualTo("30");
        assertThat(robot.lookup("#drift-reference").queryAs(Label.class).getText()).isEqualTo("5,000 rows");

        DriftReport report = vm.snapshot().get().report();
        int batch = 25;
        assertThat(report.batches().get(batch).column("plan").orElseThrow().drifted()).isTrue();
        // the heatmap takes the report's height (and its scroll pane a scroll bar, narrowing every cell) at the next
        // layout pass: a cell's place read before that pass is off by a cell
        waitUntil(() -> !view.isNeedsLayout()
                && view.heatmap().getHeight() >= view.heatmap().prefHeight(-1) - 0.5);
        Point2D cell = FxWait.on(() -> view.heatmap().localToScreen(view.heatmap().cellCenter("plan", batch)));
        robot.clickOn(cell);
        waitUntil(() -> "plan".equals(vm.selectedColumn().get()) && vm.selectedBatch().get() == batch);

        assertThat(vm.distribution().get().column()).isEqualTo("plan");
        assertThat(vm.distribution().get().numeric()).isFalse();
        assertThat(vm.distribution().get().labels()).contains("basic", "pro", "enterprise");
        waitUntil(() -> robot.lookup("#drift-test-numbers").queryAs(Label.class).getText().contains("jensenshannon"));
        assertThat(robot.lookup("#drift-test-numbers").queryAs(Label.class).getText()).contains("DRIFTED");
        @SuppressWarnings("unchecked")
        TableView<ColumnRow> table = robot.lookup("#drift-columns").queryAs(TableView.class);
        assertThat(table.getItems().get(0).drifted()).isTrue();
        assertThat(table.getItems()).extracting(ColumnRow::name).contains("plan", "tenure_months", "region");
        assertThat(vm.chartedColumns()).contains("plan");

        String numbers = robot.lookup("#drift-test-numbers").queryAs(Label.class).getText();
        assertThat(numbers).doesNotContainPattern("\\d\\.\\d{6,}");
        java.util.Set<io.fair_acc.chartfx.axes.spi.AbstractAxis> axes = robot.lookup(
                n -> n instanceof io.fair_acc.chartfx.axes.spi.AbstractAxis).queryAllAs(
                io.fair_acc.chartfx.axes.spi.AbstractAxis.class);
        assertThat(axes).isNotEmpty().allSatisfy(a -> assertThat(a.getUnit()).as(a.getName()).isNull());
        assertThat(axes).filteredOn(a -> "batch date".equals(a.getName())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getTickLabelFormatter().toString(20_605.3)).isEqualTo("06-01"));
        for (TableColumn<ColumnRow, ?> c : table.getColumns()) {
            assertThat(c.getWidth()).as(c.getText()).isGreaterThanOrEqualTo(c.getPrefWidth() - 0.5);
        }
        double columnsWidth = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columnsWidth).as("the columns fit the table at 1240 px: %s", table.getColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList()).isLessThanOrEqualTo(table.getWidth());

        robot.clickOn("#drift-search").write("reg");
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).name().equals("region"));
        saveSnapshot(robot, Path.of("target", "drift-view.png"));
    }

    private static void saveSnapshot(FxRobot robot, Path file) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#drift-view")
                .query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).exists();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(20, condition);
    }
}
