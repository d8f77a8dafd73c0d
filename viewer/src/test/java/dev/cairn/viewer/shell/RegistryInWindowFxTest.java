package dev.cairn.viewer.shell;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.viewer.testing.TableCells;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.registry.VersionRow;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.runs.RunRow;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry browser hosted in the real window (Monocle), on a real store with a registered model. */
@ExtendWith(ApplicationExtension.class)
class RegistryInWindowFxTest {
    @TempDir
    static Path dir;

    private Path file;
    private ShellViewModel vm;
    private MainWindow window;
    private FxTaskRunner runner;
    private final ManualTicker ticker = new ManualTicker();
    private final List<Run> runs = new ArrayList<>();

    @Start
    void start(javafx.stage.Stage stage) {
        file = dir.resolve("registry-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            for (String name : List.of("baseline", "tuned", "bigger")) {
                Run run = store.runs().create(NewRun.in("churn").withName(name));
                store.metrics().append(run.id(), "auc", 1, 1L, 0.8);
                store.registry().register(NewModelVersion.of("churn").fromRun(run.id()), ChangeOptions.by("alice"));
                runs.add(run);
            }
            store.registry().promote("churn", 1, Stage.PRODUCTION, Expectation.versionIn(1, Stage.NONE),
                    ChangeOptions.by("alice"));
        }
        runner = new FxTaskRunner(2);
        SettingsStore.InMemory settings = new SettingsStore.InMemory();
        settings.load().setWindowWidth(1200);
        settings.load().setWindowHeight(760);
        vm = new ShellViewModel(runner, ticker, settings, (WelcomeActions) null);
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

    private void openRegistryWithCtrlM(FxRobot robot) throws Exception {
        waitUntil(() -> window.runsTable().getItems().size() == 3);
        robot.clickOn(window.runsTable());
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitUntil(() -> vm.screenProperty().get() == Screen.REGISTRY
                && robot.lookup("#registryView").tryQuery().isPresent());
        waitUntil(() -> vm.registryProperty().get().versions().size() == 3);
    }

    @Test
    void promoteAndRollBackThroughTheHostedBrowser(FxRobot robot) throws Exception {
        openRegistryWithCtrlM(robot);
        FxWait.laidOut();
        robot.clickOn(versionCell(robot, 2));
        waitUntil(() -> vm.registryProperty().get().selectedVersion().get() != null
                && vm.registryProperty().get().selectedVersion().get().number() == 2);

        robot.clickOn("#promote-production");
        waitUntil(() -> robot.lookup("#registry-confirm").query().isVisible());
        robot.clickOn("#confirm-comment").write("hosted promote");
        robot.clickOn("#confirm-ok");
        waitUntil(() -> productionHolders().equals(Set.of(2)));

        robot.clickOn("#rollback-production");
        waitUntil(() -> robot.lookup("#registry-confirm").query().isVisible());
        robot.clickOn("#confirm-ok");
        waitUntil(() -> productionHolders().equals(Set.of(1)));
        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.registry().history("churn")).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo(EventAction.ROLLBACK);
                assertThat(e.version()).isEqualTo(1);
                assertThat(e.replacedVersion()).isEqualTo(2);
                assertThat(e.user()).isEqualTo(System.getProperty("user.name"));
            });
            assertThat(store.registry().version("churn", 2).stage()).isEqualTo(Stage.ARCHIVED);
        }
    }

    @Test
    void theTickerShowsAnotherProcesssVersionAndASourceRunOpensInTheRunsTable(FxRobot robot) throws Exception {
        openRegistryWithCtrlM(robot);
        try (TrackingStore other = TrackingStore.open(file)) {
            other.registry().register(NewModelVersion.of("churn").fromRun(runs.get(0).id()),
                    ChangeOptions.by("bob"));
        }
        robot.interact(ticker::tick);
        waitUntil(() -> vm.registryProperty().get().versions().size() == 4);

        VersionRow tuned = vm.registryProperty().get().versions().stream().filter(r -> r.number() == 2)
                .findFirst().orElseThrow();
        robot.interact(() -> vm.registryProperty().get().openSourceRun(tuned));
        waitUntil(() -> vm.screenProperty().get() == Screen.BROWSER);
        waitUntil(() -> window.runsTable().getSelectionModel().getSelectedItems().stream().map(RunRow::id)
                .toList().equals(List.of(runs.get(1).id())));
    }

    private Set<Integer> productionHolders() {
        try (TrackingStore store = TrackingStore.open(file)) {
            return store.registry().state("churn").holders(Stage.PRODUCTION);
        }
    }

    /** Version {@code version}'s first cell in the registry view (its row centre holds the source run link). */
    private static Node versionCell(FxRobot robot, int version) {
        return TableCells.firstCellOfRow(robot, robot.lookup("#registryView").query(),
                item -> item instanceof VersionRow v && v.number() == version);
    }
}
