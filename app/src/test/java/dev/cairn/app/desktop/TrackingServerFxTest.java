package dev.cairn.app.desktop;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.Screen;
import dev.cairn.viewer.shell.ShellViewModel;
import dev.cairn.viewer.testing.FxWait;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** View → Tracking server… in the real window: started, a run logged over HTTP appears in the table, stopped. */
@ExtendWith(ApplicationExtension.class)
class TrackingServerFxTest {
    @TempDir
    static Path dir;

    private Path file;
    private AppWindow app;
    private ShellViewModel vm;
    private MainWindow window;
    private final ManualTicker ticker = new ManualTicker();

    @Start
    void start(Stage stage) {
        file = dir.resolve("serve-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            store.runs().create(NewRun.in("live").withName("already-here"));
        }
        app = AppWindow.open(stage, file, ticker, 1100, 700);
        vm = app.vm;
        window = app.window;
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    @Test
    void startedFromTheViewMenuItLogsRunsIntoTheOpenStoreLiveAndStops(FxRobot robot) throws Exception {
        FxWait.until(30, () -> vm.screenProperty().get() == Screen.BROWSER && window.runsTable().getItems().size() == 1);
        robot.clickOn("View");
        robot.clickOn("Tracking server…");
        FxWait.until(15, () -> robot.lookup("#trackingServerDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#serverPort").queryAs(TextField.class).setText("0"));
        robot.clickOn("#serverStart");
        FxWait.until(15, () -> !robot.lookup("#serverExport").queryAs(TextField.class).getText().isEmpty());
        String line = FxWait.on(() -> robot.lookup("#serverExport").queryAs(TextField.class).getText());
        assertThat(line).matches("export MLFLOW_TRACKING_URI=http://127\\.0\\.0\\.1:\\d+");
        assertThat(FxWait.on(() -> robot.lookup("#serverStop").queryAs(Button.class).isDisabled())).isFalse();

        URI uri = URI.create(line.substring(line.indexOf('=') + 1));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String exp = http.send(HttpRequest.newBuilder(uri.resolve(
                "/api/2.0/mlflow/experiments/get-by-name?experiment_name=live")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String expId = exp.replaceAll(".*\"experiment_id\":\"(\\d+)\".*", "$1");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri.resolve("/api/2.0/mlflow/runs/create"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"experiment_id\": \"" + expId + "\", \"run_name\": \"from-python\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        FxWait.until(15, () -> {
            ticker.tick();
            return window.runsTable().getItems().stream().filter(r -> !r.isGroup()).anyMatch(r -> "from-python".equals(r.run().name()));
        });

        robot.clickOn("#serverStop");
        FxWait.until(15, () -> robot.lookup("#serverExport").queryAs(TextField.class).getText().isEmpty());
        assertThat(FxWait.on(() -> robot.lookup("#serverStart").queryAs(Button.class).isDisabled())).isFalse();
    }
}
