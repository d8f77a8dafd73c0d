package dev.cairn.viewer.runs;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.testing.TestStores;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** The runs table and its toolbar on a real stage under headless Monocle, over a real store with a sweep. */
@ExtendWith(ApplicationExtension.class)
class RunsTableFxTest {
    @TempDir
    static Path dir;

    private TrackingStore store;
    private FxTaskRunner runner;
    private RunsViewModel vm;
    private RunsTableView view;
    private Run sweep;
    private final List<List<String>> compared = new ArrayList<>();

    @Start
    void start(Stage stage) {
        store = TrackingStore.open(dir.resolve("table-" + System.nanoTime() + ".db"));
        sweep = run("sweep", 0, null, "tree");
        Run trial = run("trial-1", 1, sweep.id(), "tree");
        run("fold-a", 2, trial.id(), "tree");
        run("trial-2", 3, sweep.id(), "tree");
        run("baseline", 4, null, "logreg");
        run("other", 5, null, "logreg");
        runner = new FxTaskRunner(2);
        vm = new RunsViewModel(runner, new ManualTicker());
        vm.setOnCompare(compared::add);
        view = new RunsTableView(vm);
        FilterBar bar = new FilterBar(vm);
        VBox root = new VBox(bar.node(), view.table());
        VBox.setVgrow(view.table(), Priority.ALWAYS);
        stage.setScene(new Scene(root, 900, 500));
        stage.show();
        vm.attach(store);
    }

    private Run run(String name, int minute, String parent, String model) {
        Run r = store.runs().create(NewRun.in("tuning").withName(name).withParent(parent)
                .withTimes(TestStores.T0 + minute * 60_000L, TestStores.T0 + minute * 60_000L + 5_000));
        store.runs().logParams(r.id(), Map.of("model", model));
        return r;
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> vm.detach());
        runner.shutdown();
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(10, condition);
    }

    private TableView<RunRow> table() {
        return view.table();
    }

    private List<String> shown() {
        return table().getItems().stream()
                .map(r -> r.isGroup() ? "[" + r.groupLabel() + "]" : r.run().name() + "@" + r.depth()).toList();
    }

    @Test
    void aTableLargerThanOnePageReadsAheadOnceItsFirstRowsAreLaidOut(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 6);
        int more = RunPageLoader.FIRST_PAGE + 50;
        store.write(w -> {
            for (int i = 0; i < more; i++) {
                w.createRun(NewRun.in("bulk").withName("bulk-" + i).withTimes(TestStores.T0 + i, null));
            }
        });
        robot.interact(() -> vm.reload());
        // the count and the read-ahead start after the table's next layout pulse, and then finish
        waitUntil(() -> vm.completeProperty().get() && !vm.loadingProperty().get() && vm.rows().size() == more + 6
                && vm.matchingRunsProperty().get() == more + 6);
    }

    @Test
    void nestedRunsAppearUnderTheirParentAndFold(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 6);
        assertThat(shown()).containsExactly("other@0", "baseline@0", "sweep@0", "trial-2@1", "trial-1@1",
                "fold-a@2");
        // the cells are laid out a pulse after the items change
        waitUntil(() -> robot.lookup(hasText("fold-a")).tryQuery().isPresent());

        robot.clickOn("#toggle-" + sweep.id());
        waitUntil(() -> table().getItems().size() == 3);
        assertThat(shown()).containsExactly("other@0", "baseline@0", "sweep@0");
        assertThat(robot.lookup(hasText("fold-a")).tryQuery()).isEmpty();

        robot.clickOn(hasText("sweep"));
        waitUntil(() -> vm.selection().size() == 1);
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> table().getItems().size() == 6);
        assertThat(table().getSelectionModel().getSelectedItem().run().name()).isEqualTo("sweep");
    }

    /**
     * The cells are kept across row changes (no table refresh that builds them again): a row whose item stays but
     * whose place in the tree changes redraws its arrow, a renamed run its name, a group header its count.
     */
    @Test
    void cellsKeptAcrossChangesShowTheNewFoldStateNameAndGroupCount(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 6);
        waitUntil(() -> arrowOf(robot, sweep.id()) == Material2AL.EXPAND_MORE);
        robot.clickOn(robot.from(table()).lookup("#toggle-" + sweep.id()).queryAs(FontIcon.class));
        // sweep stays the third row: its cell is not given a new item, yet shows it is folded
        waitUntil(() -> table().getItems().size() == 3 && arrowOf(robot, sweep.id()) == Material2MZ.NAVIGATE_NEXT);
        assertThat(FxWait.on(() -> nameCellTexts(robot))).contains("sweep").doesNotContain("trial-1");

        store.runs().rename(sweep.id(), "sweep-renamed");
        robot.interact(() -> vm.poll());
        waitUntil(() -> nameCellTexts(robot).contains("sweep-renamed"));

        robot.interact(() -> vm.setGroupBy(dev.cairn.viewer.common.GroupBy.param("model")));
        waitUntil(() -> nameCellTexts(robot).contains("model = tree (4 runs)"));
        run("late", 9, null, "tree");
        robot.interact(() -> vm.poll());
        waitUntil(() -> nameCellTexts(robot).contains("model = tree (5 runs)"));
    }

    /** The icon of run {@code id}'s disclosure arrow in the table, or null when none is shown (FX thread). */
    private Object arrowOf(FxRobot robot, String id) {
        return robot.from(table()).lookup("#toggle-" + id).tryQueryAs(FontIcon.class)
                .map(FontIcon::getIconCode).orElse(null);
    }

    /** The texts of the table's name cells that show a row (FX thread). */
    private List<String> nameCellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (TableCell<?, ?> c : robot.from(table()).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (c.getTableColumn() != null && "col-name".equals(c.getTableColumn().getId())
                    && c.getTableRow() != null && c.getTableRow().getItem() != null && c.getText() != null) {
                texts.add(c.getText());
            }
        }
        return texts;
    }

    @Test
    void groupingByAParamShowsGroupsWithCountsAndAGroupCollapses(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 6 && vm.paramKeys().contains("model"));
        robot.clickOn("#groupBy");
        robot.clickOn("model");
        waitUntil(() -> shown().size() == 8);
        assertThat(shown()).containsExactly("[model = logreg (2 runs)]", "other@1", "baseline@1",
                "[model = tree (4 runs)]", "sweep@1", "trial-2@2", "trial-1@2", "fold-a@3");
        assertThat(robot.lookup(hasText("model = tree (4 runs)")).tryQuery()).isPresent();
        assertThat(robot.lookup("#groupBy").queryLabeled().getText()).isEqualTo("Group: model");

        robot.doubleClickOn(hasText("model = logreg (2 runs)"));
        waitUntil(() -> shown().size() == 6);
        assertThat(shown()).containsExactly("[model = logreg (2 runs)]", "[model = tree (4 runs)]", "sweep@1",
                "trial-2@2", "trial-1@2", "fold-a@3");
        assertThat(vm.selection()).isEmpty();

        robot.clickOn("#groupBy");
        robot.clickOn("None");
        waitUntil(() -> shown().size() == 6 && !table().getItems().get(0).isGroup());
    }

    @Test
    void compareWithShortcutOrMenuHandsOverTheSelectedRuns(FxRobot robot) throws Exception {
        waitUntil(() -> table().getItems().size() == 6);
        robot.clickOn(hasText("other"));
        robot.press(KeyCode.SHIFT).clickOn(hasText("baseline")).release(KeyCode.SHIFT);
        waitUntil(() -> vm.selection().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> compared.size() == 1);
        assertThat(compared.get(0)).hasSize(2);

        List<String> items = table().getContextMenu().getItems().stream().map(MenuItem::getText).toList();
        assertThat(items).contains("Compare", "Register model…");
        MenuItem register = table().getContextMenu().getItems().stream()
                .filter(m -> "Register model…".equals(m.getText())).findFirst().orElseThrow();
        assertThat(register.isVisible()).isFalse();
        List<List<String>> registered = new ArrayList<>();
        robot.interact(() -> vm.setOnRegisterModel(registered::add));
        assertThat(register.isVisible()).isTrue();
        assertThat(register.isDisable()).isFalse();
        robot.interact(register::fire);
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0)).containsExactlyInAnyOrderElementsOf(compared.get(0));
    }
}
