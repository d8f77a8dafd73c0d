package dev.cairn.app.desktop;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.shell.ImportPhase;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.PluginInfo;
import dev.cairn.viewer.shell.Screen;
import dev.cairn.viewer.shell.ShellViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drag-and-drop import in the real window (Monocle) with the app's real importers. TestFX cannot synthesize an OS
 * drag under headless Monocle (a {@code Dragboard} cannot be made without a real drag gesture), so the tests call
 * {@link MainWindow#drop}, the method the scene's DRAG_DROPPED handler calls with the dragboard's files.
 */
@ExtendWith(ApplicationExtension.class)
class DropImportFxTest {
    @TempDir
    static Path dir;

    private Path file;
    private AppWindow app;
    private ShellViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        file = dir.resolve("drop-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            store.runs().create(NewRun.in("existing").withName("already-here"));
        }
        app = AppWindow.open(stage, file, new ManualTicker(), 1100, 700);
        vm = app.vm;
        window = app.window;
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    /** The text of the label {@code id}, "" while it does not exist yet; call on the FX thread. */
    private static String labelText(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .orElse("");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(30, condition);
    }

    @Test
    void droppingAnMlflowFolderShowsTheSheetImportsAndSelectsTheRuns(FxRobot robot) throws Exception {
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER && window.runsTable().getItems().size() == 1);
        Path mlruns = Fixtures.get("mlruns/GregoireJan__breastcancer");
        robot.interact(() -> window.drop(List.of(mlruns)));

        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.READY);
        assertThat(robot.lookup("#importSheet").query().isVisible()).isTrue();
        assertThat(texts(robot.lookup("#importSources").queryAs(GridPane.class)))
                .containsExactly("GregoireJan__breastcancer", "MLflow file store",
                        "  mlruns", "MLflow file store, 21 runs");
        assertThat(robot.lookup("#importPreview").queryAs(Label.class).getText()).startsWith("21 runs in ")
                .contains("21 new");
        try (TrackingStore store = TrackingStore.open(file, dev.cairn.store.StoreOptions.readOnly())) {
            assertThat(store.experiments().list(true)).hasSize(1);
        }
        saveSnapshot(robot, Path.of("target", "import-sheet.png"));

        robot.clickOn("#importGo");
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.DONE);
        assertThat(vm.importSheet().problemProperty().get()).as("problem reported by the import").isEmpty();
        // the summary label is built when the phase changes: wait for it to exist with its text, then read it
        waitUntil(() -> labelText(robot, "#importSummary").startsWith("21 added, 0 updated"));
        assertThat(FxWait.on(() -> labelText(robot, "#importSummary"))).startsWith("21 added, 0 updated");
        List<String> imported = vm.importSheet().resultProperty().get().added();
        assertThat(imported).hasSize(21);

        TableView<RunRow> table = window.runsTable();
        waitUntil(() -> table.getSelectionModel().getSelectedItems().size() == 21);
        assertThat(table.getSelectionModel().getSelectedItems().stream().map(RunRow::id).toList())
                .containsExactlyInAnyOrderElementsOf(imported);
        assertThat(table.getItems()).hasSize(22);
        saveSnapshot(robot, Path.of("target", "import-summary.png"));
        robot.clickOn("#importClose");
        waitUntil(() -> !robot.lookup("#importSheet").query().isVisible());

        robot.interact(() -> window.drop(List.of(mlruns)));
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.READY
                && labelText(robot, "#importPreview").contains("21 already imported"));
        robot.clickOn("#importCancel");
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.HIDDEN);
    }

    @Test
    void aDroppedProjectFolderListsItsSubTreesWithFormatAndRuns(FxRobot robot) throws Exception {
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER);
        Path project = dir.resolve("project-" + System.nanoTime());
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));

        robot.interact(() -> window.drop(List.of(project)));
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.READY);
        assertThat(texts(robot.lookup("#importSources").queryAs(GridPane.class))).containsExactly(
                project.getFileName().toString(), "project folder, 2 sources",
                "  my_runs/1", "Sacred, 1 run",
                "  wandb/run-20230329_020146-ruzz7bps", "Weights & Biases, 1 run");
        saveSnapshot(robot, Path.of("target", "import-sheet-project.png"));
        robot.clickOn("#importCancel");
    }

    @Test
    void aDroppedZipOfAProjectListsItsSubTreesLikeTheFolder(FxRobot robot) throws Exception {
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER);
        Path project = dir.resolve("zipped-" + System.nanoTime());
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));
        Path zip = dir.resolve(project.getFileName() + ".zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                java.nio.file.Files.newOutputStream(zip)); java.util.stream.Stream<Path> files =
                java.nio.file.Files.walk(project)) {
            for (Path f : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new java.util.zip.ZipEntry(project.relativize(f).toString().replace('\\', '/')));
                out.write(java.nio.file.Files.readAllBytes(f));
                out.closeEntry();
            }
        }

        robot.interact(() -> window.drop(List.of(zip)));
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.READY);
        assertThat(texts(robot.lookup("#importSources").queryAs(GridPane.class))).containsExactly(
                zip.getFileName().toString(), "project folder, 2 sources",
                "  my_runs/1", "Sacred, 1 run",
                "  wandb/run-20230329_020146-ruzz7bps", "Weights & Biases, 1 run");
        robot.clickOn("#importCancel");
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.HIDDEN);
    }

    @Test
    void aDroppedCairnStoreOpensAndAnMlflowDatabaseImports(FxRobot robot) throws Exception {
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER);
        Path other = dir.resolve("other-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(other)) {
            store.runs().create(NewRun.in("elsewhere").withName("r1"));
            store.runs().create(NewRun.in("elsewhere").withName("r2"));
        }
        Path mlflowDb = Fixtures.copy("mlflow_db/2024ab05158-lab__heart-disease-mlops", dir.resolve("m"
                + System.nanoTime())).resolve("mlflow.db");

        robot.interact(() -> window.drop(List.of(mlflowDb)));
        waitUntil(() -> vm.importSheet().phaseProperty().get() == ImportPhase.READY);
        assertThat(texts(robot.lookup("#importSources").queryAs(GridPane.class)).get(1)).startsWith("MLflow");
        robot.clickOn("#importCancel");

        robot.interact(() -> window.drop(List.of(other)));
        waitUntil(() -> vm.storePathProperty().get().equals(other.toAbsolutePath().normalize().toString())
                && window.runsTable().getItems().size() == 2);
        assertThat(vm.importSheet().phaseProperty().get()).isEqualTo(ImportPhase.HIDDEN);
    }

    @Test
    void helpPluginsListsTheBuiltInImporters(FxRobot robot) throws Exception {
        List<PluginInfo> plugins = CairnFxApplication.services().plugins().get();
        assertThat(plugins).extracting(PluginInfo::name).contains("MLflow file store");
        assertThat(plugins).allSatisfy(p -> assertThat(p.source()).isNotBlank());
        robot.clickOn("Help").clickOn("#helpPlugins");
        waitUntil(() -> robot.lookup("#pluginsTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#pluginsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(plugins.size());
        assertThat(robot.lookup("#pluginsSummary").queryAs(Label.class).getText()).startsWith(plugins.size()
                + " plugins");
        robot.interact(() -> table.getScene().getWindow().hide());
    }

    /** Keeps a picture of the window next to the test results (for docs and reviews). */
    private static void saveSnapshot(FxRobot robot, Path file) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#importSheet")
                .query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).isNotEmptyFile();
    }

    private static List<String> texts(javafx.scene.Parent parent) {
        return parent.getChildrenUnmodifiable().stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList();
    }

}
