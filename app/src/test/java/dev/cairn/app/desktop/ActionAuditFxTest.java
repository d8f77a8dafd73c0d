package dev.cairn.app.desktop;

import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.Screen;
import dev.cairn.viewer.shell.ShellViewModel;
import dev.cairn.viewer.testing.ActionAudit;
import dev.cairn.viewer.testing.FxWait;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every window the app opens — the main window on each screen (welcome, runs, hyperparameters, drift, registry,
 * monitoring, no store), the dialogs of the menus (compare, about, plugins, columns, team store, tracking server) and
 * the registry's confirmation sheets (promote, set alias, archive, move to None, delete version) — and fails on any enabled button, menu item, hyperlink or toggle that does nothing.
 * Starts on an empty store, where the welcome buttons are clicked with the robot.
 */
@ExtendWith(ApplicationExtension.class)
class ActionAuditFxTest {
    @TempDir
    static Path dir;

    private AppWindow app;
    private ShellViewModel vm;
    private MainWindow window;
    private FxTaskRunner runner;
    private final List<String> dead = new ArrayList<>();

    @Start
    void start(Stage stage) {
        app = AppWindow.open(stage, dir.resolve("audit-" + System.nanoTime() + ".db"), new ManualTicker(), 1200, 760);
        vm = app.vm;
        window = app.window;
        runner = app.runner;
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    private void audit(String step) throws Exception {
        for (String d : FxWait.on(ActionAudit::deadControls)) {
            dead.add(step + ": " + d);
        }
    }

    private Optional<MenuItem> menuItem(String text) throws Exception {
        return FxWait.on(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup(".menu-bar");
            List<MenuItem> all = new ArrayList<>();
            bar.getMenus().forEach(m -> collect(m, all));
            return all.stream().filter(i -> text.equals(i.getText())).findFirst();
        });
    }

    private static void collect(Menu menu, List<MenuItem> out) {
        for (MenuItem i : menu.getItems()) {
            out.add(i);
            if (i instanceof Menu sub) {
                collect(sub, out);
            }
        }
    }

    /** Fires a menu item later (it may open a modal dialog), waits for a new window, audits it and closes it. */
    private void auditDialogOf(String itemText) throws Exception {
        MenuItem item = menuItem(itemText).orElseThrow(() -> new AssertionError("no menu item " + itemText));
        auditWindowOpenedBy(itemText, () -> Platform.runLater(item::fire));
    }

    /** Clicks the enabled registry button {@code #id}, audits its confirmation sheet and clicks its Cancel. */
    private void auditConfirmSheetOf(FxRobot robot, String id) throws Exception {
        Button button = FxWait.on(() -> (Button) window.stage().getScene().lookup("#" + id));
        FxWait.until(30, () -> !button.isDisabled());
        FxWait.laidOut();
        robot.clickOn(button);
        Node sheet = FxWait.on(() -> window.stage().getScene().lookup("#registry-confirm"));
        FxWait.until(30, sheet::isVisible);
        FxWait.laidOut();
        audit(button.getText());
        robot.clickOn(robot.from(sheet).lookup("#confirm-cancel").queryButton());
        FxWait.until(30, () -> !sheet.isVisible());
    }

    /** Runs {@code open} on the test thread, waits for a new window, audits it and closes it. */
    private void auditWindowOpenedBy(String step, Runnable open) throws Exception {
        Set<Window> before = Set.copyOf(FxWait.on(Window::getWindows));
        open.run();
        FxWait.until(60, () -> Window.getWindows().stream().anyMatch(w -> !before.contains(w) && w.isShowing()));
        audit(step);
        FxWait.on(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (!before.contains(w)) {
                    w.hide();
                }
            }
            return null;
        });
    }

    @Test
    void noEnabledControlInAnyWindowDoesNothing(FxRobot robot) throws Exception {
        FxWait.until(30, () -> vm.screenProperty().get() == Screen.WELCOME);
        audit("welcome");

        robot.clickOn("#welcomeDemo");
        FxWait.until(180, () -> vm.screenProperty().get() == Screen.BROWSER && window.runsTable().getItems().size() > 2
                && runner.work().runningProperty().get() == 0);
        FxWait.on(() -> {
            window.runsTable().getSelectionModel().selectRange(0, 2);
            return null;
        });
        FxWait.until(30, () -> runner.work().runningProperty().get() == 0);
        audit("browser with two runs selected");

        auditDialogOf("Compare…");
        auditDialogOf("About Cairn");
        auditDialogOf("Plugins…");
        auditDialogOf("Columns…");
        auditDialogOf("Open team store…");
        auditDialogOf("Tracking server…");

        for (String tool : List.of("Hyperparameters", "Data drift")) {
            MenuItem item = menuItem(tool).orElseThrow();
            FxWait.on(() -> {
                item.fire();
                return null;
            });
            FxWait.until(60, () -> runner.work().runningProperty().get() == 0);
            audit(tool);
            FxWait.on(() -> {
                item.fire(); // toggles it off again
                return null;
            });
        }

        FxWait.on(() -> {
            vm.showRegistry();
            return null;
        });
        FxWait.until(30, () -> vm.screenProperty().get() == Screen.REGISTRY
                && runner.work().runningProperty().get() == 0);
        audit("registry");
        FxWait.on(() -> {
            ((TableView<?>) window.stage().getScene().lookup("#registry-versions")).getSelectionModel().select(0);
            return null;
        });
        for (String id : List.of("promote-production", "promote-staging", "set-alias", "archive", "unstage",
                "delete-version")) {
            auditConfirmSheetOf(robot, id);
        }

        FxWait.on(() -> {
            vm.showMonitoring();
            return null;
        });
        FxWait.until(30, () -> vm.screenProperty().get() == Screen.MONITORING
                && runner.work().runningProperty().get() == 0);
        audit("monitoring");

        FxWait.on(() -> {
            vm.closeStore();
            return null;
        });
        FxWait.until(30, () -> vm.screenProperty().get() == Screen.NO_STORE);
        audit("no store");

        assertThat(dead).isEmpty();
    }
}
