package dev.cairn.app.desktop;

import dev.cairn.app.monitoring.MonitoringBenchmark;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.shell.Screen;
import dev.cairn.viewer.shell.ShellViewModel;
import dev.cairn.viewer.testing.FxWait;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules pane of the Monitoring view in the real window with the app's services (Monocle): View → Monitoring by
 * its shortcut, a rule typed and added with the robot (a bad threshold first), listed, persisted in the SQLite file,
 * its alert listed, then selected and removed. Every lookup is scoped to the monitoring view.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringRulesFxTest {
    @TempDir
    static Path dir;

    private Path file;
    private AppWindow app;
    private ShellViewModel vm;

    @Start
    void start(Stage stage) {
        file = dir.resolve("rules-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
            MonitoringBenchmark.writeDailyBatches(store, "churn", 1, 6, 200);
        }
        app = AppWindow.open(stage, file, new ManualTicker(), 1280, 800);
        vm = app.vm;
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    @Test
    void addsARuleWithTheRobotSeesItsAlertAndRemovesIt(FxRobot robot) throws Exception {
        FxWait.until(20, () -> vm.screenProperty().get() == Screen.WELCOME); // a store with a model and no runs
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(20, () -> vm.screenProperty().get() == Screen.MONITORING && vm.monitoringProperty().get() != null
                && vm.monitoringProperty().get().snapshot().get() != null
                && robot.lookup("#monitoring-view").tryQuery().isPresent());
        MonitoringViewModel monitoring = FxWait.on(() -> vm.monitoringProperty().get());
        Node view = robot.lookup("#monitoring-view").query();
        ListView<?> rules = robot.from(view).lookup("#monitoring-rules").queryAs(ListView.class);
        ListView<?> alerts = robot.from(view).lookup("#monitoring-alerts").queryAs(ListView.class);
        Label error = robot.from(view).lookup("#monitoring-rule-error").queryAs(Label.class);
        Node threshold = robot.from(view).lookup("#monitoring-rule-threshold").query();
        Node forBatches = robot.from(view).lookup("#monitoring-rule-for").query();
        Button add = robot.from(view).lookup("#monitoring-rule-add").queryAs(Button.class);
        Button remove = robot.from(view).lookup("#monitoring-rule-remove").queryAs(Button.class);
        assertThat(FxWait.on(() -> rules.getItems().size())).isZero();
        assertThat(FxWait.on(() -> alerts.getItems().size())).isZero();

        robot.clickOn(threshold).write("abc");
        robot.clickOn(add);
        FxWait.until(20, () -> error.isVisible() && !error.getText().isEmpty());
        assertThat(FxWait.on(error::getText)).isEqualTo("Threshold: 'abc' is not a number (for example 0.8).");
        assertThat(storedRules()).as("a bad threshold stores nothing").isEmpty();

        replaceText(robot, threshold, "0.8");
        replaceText(robot, forBatches, "2");
        FxWait.laidOut();
        robot.clickOn(add);
        FxWait.until(20, () -> rules.getItems().size() == 1 && alerts.getItems().size() == 1);
        assertThat(FxWait.on(() -> error.isVisible())).isFalse();
        AlertRule rule = FxWait.on(() -> (AlertRule) rules.getItems().get(0));
        assertThat(storedRules()).as("persisted in the SQLite file").containsExactly(rule);
        assertThat(rule.describe()).isEqualTo("accuracy below 0.8 for 2 batches");
        assertThat(FxWait.on(() -> String.valueOf(alerts.getItems().get(0))))
                .startsWith("2026-01-06  #" + rule.id() + "  accuracy is 0.");
        assertThat(FxWait.on(() -> robot.from(view).lookup("#monitoring-rule-status").queryAs(Label.class).getText()))
                .contains("Holds on the newest batch of v1");
        assertThat(FxWait.on(() -> monitoring.snapshot().get().alerts())).hasSize(1);

        Node cell = FxWait.on(() -> robot.from(rules).lookup(".list-cell")
                .match(n -> n instanceof ListCell<?> c && c.getItem() instanceof AlertRule r && r.id() == rule.id())
                .query());
        robot.clickOn(cell);
        FxWait.until(20, () -> !remove.isDisabled());
        robot.clickOn(remove);
        FxWait.until(20, () -> rules.getItems().isEmpty());
        assertThat(storedRules()).isEmpty();
        assertThat(FxWait.on(() -> alerts.getItems().size())).as("its alert stays").isEqualTo(1);
    }

    private void replaceText(FxRobot robot, Node field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    private List<AlertRule> storedRules() {
        try (TrackingStore store = TrackingStore.open(file)) {
            return store.monitoring().rules("churn");
        }
    }
}
