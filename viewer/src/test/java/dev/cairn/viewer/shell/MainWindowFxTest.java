package dev.cairn.viewer.shell;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.testing.TestStores;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window under headless Monocle, on a real store. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    @TempDir
    static Path dir;

    private ShellViewModel vm;
    private MainWindow window;
    private FxTaskRunner runner;
    private List<Run> runs;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("window-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            runs = TestStores.populate(store);
        }
        runner = new FxTaskRunner(2);
        SettingsStore.InMemory settings = new SettingsStore.InMemory();
        settings.load().setWindowWidth(1000);
        settings.load().setWindowHeight(640);
        vm = new ShellViewModel(runner, new ManualTicker(), settings, null);
        window = new MainWindow(stage, vm, new RunExporter(null), p -> { });
        stage.show();
        vm.openStore(file, StoreMode.LOCAL);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> vm.shutdown());
        runner.shutdown();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(10, condition);
    }

    private TableView<RunRow> table() {
        return window.runsTable();
    }

    private List<String> shownNames() {
        return table().getItems().stream().map(r -> r.run().name()).toList();
    }

    @Test
    void opensTheStoreAndShowsRunsTitleAndStatus(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        assertThat(window.stage().getTitle()).startsWith("Cairn — window-");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("local");
        waitUntil(() -> robot.lookup("#statusCount").queryAs(Label.class).getText().equals("4 runs"));
        assertThat(robot.lookup("#experimentsList").queryListView().getItems()).hasSize(3);
    }

    @Test
    void theTableShowsMetricsAndDifferingParamsWithoutTheColumnChooser(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        waitUntil(() -> table().getColumns().stream().anyMatch(c -> "col-metric:last:loss".equals(c.getId())));
        robot.interact(() -> vm.experiments().items().stream().filter(e -> "churn".equals(e.name())).findFirst()
                .ifPresent(e -> vm.experiments().selectedProperty().set(e)));
        waitUntil(() -> table().getItems().size() == 3 && table().getColumns().stream()
                .anyMatch(c -> "col-param:lr".equals(c.getId())));
        assertThat(table().getColumns().stream().map(TableColumn::getText).toList())
                .containsSubsequence("loss · last", "lr", "model");
    }

    @Test
    void hyperparametersOpenFromTheViewMenuAndLeadBackToTheRuns(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        robot.clickOn("View").clickOn("#viewHparams");
        waitUntil(() -> vm.screenProperty().get() == Screen.HPARAMS
                && robot.lookup(".view-header-title").tryQueryAs(Label.class)
                .map(l -> l.getText().equals("Hyperparameters · 4 runs")).orElse(false));
        robot.clickOn("#backToRuns");
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER && table().getScene() != null);
    }

    @Test
    void sortsByNameAndSelectingARunShowsItsParams(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        Node nameHeader = robot.lookup(".column-header").match(n -> n.getId() != null
                && n.getId().equals("col-name")).query();
        robot.clickOn(nameHeader);
        // lr-0.001 is a child of lr-0.1: it sorts among its siblings, under its parent
        waitUntil(() -> shownNames().equals(List.of("lr-0.01", "lr-0.1", "lr-0.001", "resnet")));
        robot.clickOn(nameHeader);
        waitUntil(() -> shownNames().get(0).equals("resnet"));

        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            table().getSelectionModel().select(2);
        });
        waitUntil(() -> robot.lookup("#paramsGrid").tryQuery().isPresent());
        GridPane params = robot.lookup("#paramsGrid").queryAs(GridPane.class);
        List<String> texts = params.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(texts).containsSubsequence("lr", "0.001").contains("model", "tree");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("lr-0.001");
    }

    @Test
    void filterShowsTheStoresAnswer(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        robot.clickOn("#filterField").write("params.lr = 0.1").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#filterError").queryAs(Label.class).isVisible()
                || table().getItems().size() == 1);
        if (table().getItems().size() == 1) {
            assertThat(shownNames()).containsExactly("lr-0.1");
        } else {
            assertThat(robot.lookup("#filterError").queryAs(Label.class).getText()).isNotBlank();
            assertThat(table().getItems()).hasSize(4);
        }
        robot.clickOn("#clearFilter");
        waitUntil(() -> !robot.lookup("#filterError").queryAs(Label.class).isVisible());
    }

    @Test
    void deleteWithConfirmationThenRestoreFromShowDeleted(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        String id = runs.get(1).id();
        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            table().getSelectionModel().select(vm.runs().row(id));
        });
        robot.clickOn(table()).type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn((Button) robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Delete")).query());
        waitUntil(() -> table().getItems().size() == 3);
        assertThat(shownNames()).doesNotContain("lr-0.01");

        robot.clickOn((CheckBox) robot.lookup("#showDeleted").query());
        waitUntil(() -> table().getItems().size() == 4);
        RunRow deleted = vm.runs().row(id);
        assertThat(deleted.run().lifecycle()).isEqualTo(Lifecycle.DELETED);
        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            table().getSelectionModel().select(deleted);
            vm.runs().restore(List.of(id));
        });
        waitUntil(() -> vm.runs().row(id).run().lifecycle() == Lifecycle.ACTIVE);
        robot.clickOn((CheckBox) robot.lookup("#showDeleted").query());
        waitUntil(() -> table().getItems().size() == 4 && shownNames().contains("lr-0.01"));
    }

    @Test
    void chosenParamColumnAppearsAndSorts(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 4);
        robot.interact(() -> vm.runs().columns().setAll(dev.cairn.viewer.runs.ColumnSpec.param("lr")));
        TableColumn<RunRow, ?> lr = table().getColumns().stream().filter(c -> "col-param:lr".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            lr.setSortType(TableColumn.SortType.ASCENDING);
            table().getSortOrder().setAll(lr);
        });
        waitUntil(() -> shownNames().subList(0, 3).equals(List.of("lr-0.01", "lr-0.1", "lr-0.001")));
        assertThat(shownNames().get(3)).isEqualTo("resnet");
    }
}
