package dev.cairn.viewer.shell;

import dev.cairn.viewer.testing.FxWait;
import dev.cairn.store.StoreLocation;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.runs.RunExporter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** File → Open team store… in the real window under headless Monocle: typed into, opened, and asked again. */
@ExtendWith(ApplicationExtension.class)
class TeamStoreDialogFxTest {
    private ShellViewModel vm;
    private MainWindow window;
    private FxTaskRunner runner;
    private SettingsStore.InMemory settings;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(2);
        settings = new SettingsStore.InMemory();
        settings.load().setWindowWidth(1000);
        settings.load().setWindowHeight(640);
        vm = new ShellViewModel(runner, new ManualTicker(), settings, null);
        vm.setPasswordLookup(() -> TeamStoreViewModel.PasswordLookup.NONE);
        window = new MainWindow(stage, vm, new RunExporter(null), p -> { });
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> vm.shutdown());
        runner.shutdown();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(15, condition);
    }

    private static void replace(FxRobot robot, String field, String text) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typedIntoFromTheFileMenuItOpensThatStoreAndAServerThatIsDownIsOneLine(FxRobot robot) throws Exception {
        robot.clickOn("File");
        robot.clickOn("Open team store…");
        waitUntil(() -> robot.lookup("#teamStoreDialog").tryQuery().isPresent());
        Button open = robot.lookup("#teamOpen").queryButton();
        assertThat(open.isDisabled()).isTrue();
        assertThat(text(robot, "#teamSummary")).isEqualTo("Type the database name.");
        assertThat(robot.lookup("#teamPassword").query().isVisible()).isTrue();
        assertThat(robot.lookup("#teamHost").queryAs(TextField.class).getText()).isEqualTo("localhost");
        assertThat(robot.lookup("#teamPort").queryAs(TextField.class).getText()).isEqualTo("5432");

        replace(robot, "#teamHost", "127.0.0.1");
        replace(robot, "#teamPort", "12x");
        robot.clickOn("#teamDatabase").write("experiments");
        waitUntil(() -> text(robot, "#teamSummary").startsWith("The port must be a number"));
        assertThat(open.isDisabled()).isTrue();
        replace(robot, "#teamPort", "1");
        replace(robot, "#teamUser", "alice");
        robot.clickOn("#teamPassword").write("s3cret");
        waitUntil(() -> !open.isDisabled());
        assertThat(text(robot, "#teamSummary")).isEqualTo("Opens postgresql://alice@127.0.0.1:1/experiments.");

        robot.clickOn(open);
        waitUntil(() -> vm.screenProperty().get() == Screen.ERROR);
        assertThat(robot.lookup("#teamStoreDialog").tryQuery()).isEmpty();
        assertThat(vm.storePathProperty().get()).isEqualTo("postgresql://alice@127.0.0.1:1/experiments");
        assertThat(window.stage().getTitle()).isEqualTo("Cairn — experiments@127.0.0.1");
        waitUntil(() -> robot.lookup("#storeErrorMessage").tryQuery().isPresent());
        String message = text(robot, "#storeErrorMessage");
        assertThat(message).contains("127.0.0.1:1/experiments").doesNotContain("\n")
                .doesNotContain("s3cret").doesNotContain("Exception");
        assertThat(robot.lookup("#storeErrorRetry").query().isVisible()).isTrue();
        assertThat(settings.load().getRecentStores()).isEmpty();
    }

    @Test
    void noPasswordFieldWhenPostgresFindsOneItself(FxRobot robot) throws Exception {
        vm.setPasswordLookup(() -> (host, port, database, user) -> Optional.of("~/.pgpass"));
        robot.interact(window::openTeamStore);
        waitUntil(() -> robot.lookup("#teamStoreDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#teamPassword").query().isVisible()).isFalse();
        assertThat(text(robot, "#teamPasswordNote")).isEqualTo("Password from ~/.pgpass.");
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#teamStoreDialog").tryQuery().isEmpty());
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.NO_STORE);
    }

    @Test
    void aPasswordPromptFromTheShellShowsTheFormAgainWithThePasswordField(FxRobot robot) throws Exception {
        vm.setPasswordLookup(() -> (host, port, database, user) -> Optional.of("PGPASSWORD"));
        robot.interact(() -> {
            TeamStoreViewModel form = vm.teamStore();
            form.prefill(new StoreLocation.Postgres("127.0.0.1", 1, "experiments", "bob", null));
            form.askForPassword("experiments@127.0.0.1 refused the password of bob.");
            vm.passwordPromptProperty().set(form);
        });
        waitUntil(() -> robot.lookup("#teamStoreDialog").tryQuery().isPresent());
        assertThat(vm.passwordPromptProperty().get()).isNull();
        DialogPane pane = robot.lookup("#teamStoreDialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("experiments@127.0.0.1 refused the password of bob.");
        Node password = robot.lookup("#teamPassword").query();
        assertThat(password.isVisible()).isTrue();
        waitUntil(password::isFocused);
        assertThat(robot.lookup("#teamUser").queryAs(TextField.class).getText()).isEqualTo("bob");
        robot.write("again");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> vm.screenProperty().get() == Screen.ERROR);
        assertThat(vm.storePathProperty().get()).isEqualTo("postgresql://bob@127.0.0.1:1/experiments");
    }
}
