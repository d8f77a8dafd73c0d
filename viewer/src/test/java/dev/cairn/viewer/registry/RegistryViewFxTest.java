package dev.cairn.viewer.registry;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.viewer.testing.TableCells;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class RegistryViewFxTest {
    @TempDir
    static Path dir;

    TrackingStore store;
    dev.cairn.viewer.common.FxTaskRunner background;
    RegistryViewModel vm;
    RegistryView view;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        Path file = Files.createTempDirectory(dir, "fx").resolve("s.db");
        store = TrackingStore.open(file);
        for (String name : List.of("baseline", "tuned", "bigger")) {
            Run run = store.runs().create(NewRun.in("churn").withName(name));
            store.metrics().append(run.id(), "auc", 1, 1L, 0.8);
            store.registry().register(NewModelVersion.of("churn").fromRun(run.id()), ChangeOptions.by("alice"));
        }
        store.registry().promote("churn", 1, dev.cairn.store.registry.Stage.PRODUCTION,
                Expectation.versionIn(1, dev.cairn.store.registry.Stage.NONE), ChangeOptions.by("alice"));
        background = new dev.cairn.viewer.common.FxTaskRunner(1);
        vm = new RegistryViewModel(store, background, "tester");
        view = new RegistryView(vm);
        stage.setScene(new Scene(view, 1100, 720));
        stage.sizeToScene(); // the stage is shared with the FX tests run before, which may have left it smaller
        stage.show();
        vm.reload();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdown();
        store.close();
    }

    @Test
    void promoteAndRollbackThroughTheBrowser(FxRobot robot) throws Exception {
        waitUntil(() -> vm.versions().size() == 3);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<VersionRow> versions = robot.lookup("#registry-versions")
                .queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> versions.getColumns().stream().allMatch(c -> c.getWidth() >= c.getPrefWidth() - 0.5));
        assertThat(versions.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum())
                .as("the versions table's columns fit their text and the table").isLessThanOrEqualTo(
                        versions.getWidth());
        robot.clickOn(row(robot, 2));
        waitUntil(() -> vm.selectedVersion().get() != null && vm.selectedVersion().get().number() == 2);

        robot.clickOn("#promote-production");
        waitUntil(() -> robot.lookup("#registry-confirm").query().isVisible());
        assertThat(texts(robot.lookup("#confirm-changes").queryAs(VBox.class))).containsExactly(
                "\u2022 Version 2: None \u2192 Production", "\u2022 Version 1: Production \u2192 Archived");
        robot.clickOn("#confirm-comment").write("better recall");
        robot.clickOn("#confirm-ok");
        waitUntil(() -> store.registry().state("churn").holders(Stage.PRODUCTION).equals(java.util.Set.of(2)));
        waitUntil(() -> !robot.lookup("#registry-confirm").query().isVisible());
        ModelEvent promoted = store.registry().history("churn", 2).get(1);
        assertThat(promoted.action()).isEqualTo(EventAction.PROMOTE);
        assertThat(promoted.user()).isEqualTo("tester");
        assertThat(promoted.comment()).isEqualTo("better recall");
        waitUntil(() -> vm.models().get(0).production().equals("v2"));

        robot.clickOn("#rollback-production");
        waitUntil(() -> robot.lookup("#registry-confirm").query().isVisible());
        assertThat(texts(robot.lookup("#confirm-changes").queryAs(VBox.class))).containsExactly(
                "\u2022 Production: version 2 \u2192 version 1", "\u2022 Version 2: Production \u2192 Archived",
                "\u2022 Version 1: Archived \u2192 Production");
        robot.clickOn("#confirm-ok");
        waitUntil(() -> store.registry().state("churn").holders(Stage.PRODUCTION).equals(java.util.Set.of(1)));
        assertThat(store.registry().version("churn", 2).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(store.registry().history("churn")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.ROLLBACK);
            assertThat(e.replacedVersion()).isEqualTo(2);
            assertThat(e.version()).isEqualTo(1);
        });
        waitUntil(() -> vm.detail().get() != null && vm.detail().get().history().get(0).action() == EventAction.ROLLBACK);
        waitUntil(() -> texts(robot.lookup("#version-history").queryAs(VBox.class)).stream()
                .anyMatch(t -> t.contains("tester rolled back Production from version 2 to version 1")));
        saveSnapshot(robot, Path.of("target", "registry-browser.png"));
    }

    /** Keeps a picture of the browser next to the test results (for docs and reviews). */
    private static void saveSnapshot(FxRobot robot, Path file) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#registry-versions")
                .query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).exists();
    }

    @Test
    void cancelWritesNothing(FxRobot robot) throws Exception {
        waitUntil(() -> vm.versions().size() == 3 && !vm.busy().get());
        robot.clickOn(row(robot, 3));
        waitUntil(() -> vm.selectedVersion().get() != null && vm.selectedVersion().get().number() == 3);
        Node sheet = robot.from(view).lookup("#registry-confirm").query();
        robot.clickOn(robot.from(view).lookup("#archive").queryButton());
        waitUntil(sheet::isVisible);
        int events = store.registry().history("churn").size();
        robot.clickOn(robot.from(sheet).lookup("#confirm-cancel").queryButton());
        waitUntil(() -> !sheet.isVisible());
        assertThat(store.registry().history("churn")).hasSize(events);
        assertThat(store.registry().version("churn", 3).stage()).isEqualTo(Stage.NONE);

        robot.clickOn(robot.from(view).lookup("#delete-version").queryButton());
        waitUntil(sheet::isVisible);
        robot.clickOn(robot.from(sheet).lookup("#confirm-cancel").queryButton());
        waitUntil(() -> !sheet.isVisible());
        assertThat(store.registry().history("churn")).hasSize(events);
        assertThat(store.registry().versions("churn")).hasSize(3);
    }

    @Test
    void moveToNoneAndDeleteClickedInTheBrowserAreRecordedAndShownInTheModelHistory(FxRobot robot) throws Exception {
        waitUntil(() -> vm.versions().size() == 3 && !vm.busy().get());
        Node sheet = robot.from(view).lookup("#registry-confirm").query();

        robot.clickOn(row(robot, 1));
        waitUntil(() -> vm.selectedVersion().get() != null && vm.selectedVersion().get().number() == 1);
        assertThat(openSheet(robot, sheet, "#unstage")).containsExactly("\u2022 Version 1: Production \u2192 None",
                "\u2022 No version will be in Production: nothing is live");
        robot.clickOn(robot.from(sheet).lookup("#confirm-comment").<Node>query()).write("too early");
        robot.clickOn(robot.from(sheet).lookup("#confirm-ok").queryButton());
        waitUntil(() -> !sheet.isVisible() && !vm.busy().get() && vm.versions().stream()
                .anyMatch(r -> r.number() == 1 && r.version().stage() == Stage.NONE));
        assertThat(store.registry().history("churn", 1)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.UNSTAGE);
            assertThat(e.user()).isEqualTo("tester");
            assertThat(e.comment()).isEqualTo("too early");
        });

        robot.clickOn(row(robot, 3));
        waitUntil(() -> vm.selectedVersion().get() != null && vm.selectedVersion().get().number() == 3);
        assertThat(openSheet(robot, sheet, "#delete-version")).containsExactly(
                "\u2022 Version 3 (None) is deleted; its number is not reused",
                "\u2022 Its events stay in the model history; rollbacks skip it");
        robot.clickOn(robot.from(sheet).lookup("#confirm-ok").queryButton());
        waitUntil(() -> !sheet.isVisible() && !vm.busy().get() && vm.versions().size() == 2);
        assertThat(store.registry().versions("churn")).extracting(v -> v.version()).containsExactly(1, 2);
        assertThat(store.registry().history("churn")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.DELETE);
            assertThat(e.user()).isEqualTo("tester");
        });
        assertThat(FxWait.on(() -> robot.from(view).lookup("#registry-message").queryAs(Label.class).getText()))
                .isEqualTo("tester deleted version 3 (was None)");

        Node tab = robot.from(view).lookup(".tab-label").match((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "Model history".equals(l.getText())).query();
        robot.clickOn(tab);
        Node history = robot.from(view).lookup("#registry-model-history").query();
        waitUntil(() -> history.isVisible() && robot.from(history).lookup(".table-row-cell").queryAll().stream()
                .anyMatch(r -> r instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null));
        assertThat(rowTexts(robot, history, e -> e.action() == EventAction.DELETE)).containsSubsequence("tester",
                "v3", "deleted version 3 (was None)");
        assertThat(rowTexts(robot, history, e -> e.action() == EventAction.UNSTAGE)).containsSubsequence("tester",
                "v1", "moved version 1 back to None (Production \u2192 None)", "too early");
    }

    @Test
    void theModelHistoryTabShowsDeletionsAndMovesBackToNoneAndSelectsTheirVersion(FxRobot robot) throws Exception {
        waitUntil(() -> vm.versions().size() == 3);
        store.registry().promote("churn", 2, Stage.STAGING, Expectation.nothing(), ChangeOptions.by("bob"));
        store.registry().unstage("churn", 2, Expectation.versionIn(2, Stage.STAGING),
                ChangeOptions.by("bob").withComment("not ready"));
        store.registry().deleteVersion("churn", 3, Expectation.versionIn(3, Stage.NONE),
                ChangeOptions.by("carol").withComment("bad data"));
        robot.interact(vm::reload);
        waitUntil(() -> vm.versions().size() == 2 && !vm.modelHistory().isEmpty()
                && vm.modelHistory().get(0).action() == EventAction.DELETE);

        Node tab = robot.from(view).lookup(".tab-label").match((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "Model history".equals(l.getText())).query();
        robot.clickOn(tab);
        Node history = robot.from(view).lookup("#registry-model-history").query();
        javafx.scene.control.TabPane below = robot.from(view).lookup("#registry-below")
                .queryAs(javafx.scene.control.TabPane.class);
        waitUntil(() -> below.getSelectionModel().getSelectedIndex() == 1 && robot.from(history).lookup(".table-row-cell").queryAll().stream().anyMatch(r -> r instanceof
                        javafx.scene.control.TableRow<?> row && row.getItem() != null));
        List<String> deleted = rowTexts(robot, history, e -> e.action() == EventAction.DELETE);
        assertThat(deleted).containsSubsequence("carol", "v3", "deleted version 3 (was None)", "bad data");
        assertThat(rowTexts(robot, history, e -> e.action() == EventAction.UNSTAGE)).containsSubsequence("bob", "v2",
                "moved version 2 back to None (Staging \u2192 None)", "not ready");

        robot.clickOn(TableCells.firstCellOfRow(robot, history,
                item -> item instanceof ModelEvent e && e.action() == EventAction.UNSTAGE));
        waitUntil(() -> vm.selectedVersion().get() != null && vm.selectedVersion().get().number() == 2);
        robot.clickOn(TableCells.firstCellOfRow(robot, history,
                item -> item instanceof ModelEvent e && e.action() == EventAction.DELETE));
        waitUntil(() -> vm.message().get().startsWith("Version 3 was deleted"));
        assertThat(FxWait.on(() -> vm.selectedVersion().get().number())).isEqualTo(2);
    }

    /** Clicks the bar's button {@code id}, waits for the confirmation {@code sheet} and returns its change lines. */
    private List<String> openSheet(FxRobot robot, Node sheet, String id) throws Exception {
        robot.clickOn(robot.from(view).lookup(id).queryButton());
        waitUntil(sheet::isVisible);
        return FxWait.on(() -> texts(robot.from(sheet).lookup("#confirm-changes").queryAs(VBox.class)));
    }

    /** The texts of the cells of the history row whose event matches {@code event}, in column order. */
    private static List<String> rowTexts(FxRobot robot, Node table,
                                         java.util.function.Predicate<ModelEvent> event) throws Exception {
        return FxWait.on(() -> robot.from(table).lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof ModelEvent e && event.test(e))
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .sorted(java.util.Comparator.comparingInt(c -> c.getTableView().getVisibleLeafColumns().indexOf(c.getTableColumn())))
                .map(c -> c.getText() == null ? "" : c.getText()).toList());
    }

    /** Version {@code version}'s first cell (clicking the row's centre can hit its source run link). */
    private Node row(FxRobot robot, int version) {
        return TableCells.firstCellOfRow(robot, robot.from(view).lookup("#registry-versions").query(),
                item -> item instanceof VersionRow v && v.number() == version);
    }

    private static List<String> texts(javafx.scene.Parent parent) {
        List<String> out = new java.util.ArrayList<>();
        collect(parent, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Label l) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(10, condition);
    }
}
