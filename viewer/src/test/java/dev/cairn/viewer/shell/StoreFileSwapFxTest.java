package dev.cairn.viewer.shell;

import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.testing.FxWait;
import dev.cairn.viewer.testing.TeeStream;
import dev.cairn.viewer.testing.TestStores;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: the store file of a running window (real stage, real SQLite store) is deleted or replaced. The
 * window notices at its next poll, says so in one line on the error screen and in the status bar (WARN in the log),
 * never writes into the file now at that path nor creates an empty store there, and Try again reopens the path:
 * the replacement store opens, a foreign file is refused untouched, a missing file is named.
 */
@ExtendWith(ApplicationExtension.class)
class StoreFileSwapFxTest {
    @TempDir
    static Path dir;

    private final ManualTicker ticker = new ManualTicker();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private ShellViewModel vm;
    private FxTaskRunner runner;
    private Stage stage;
    private Path file;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        file = dir.resolve("window-" + System.nanoTime() + ".db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        runner = new FxTaskRunner(2);
        SettingsStore.InMemory settings = new SettingsStore.InMemory();
        settings.load().setWindowWidth(1000);
        settings.load().setWindowHeight(640);
        vm = new ShellViewModel(runner, ticker, settings, null);
        new MainWindow(stage, vm, new RunExporter(null), p -> { });
        stage.show();
        vm.openStore(file, StoreMode.LOCAL);
        // slf4j-simple writes each line to the System.err of the moment: tee it to read the WARN line
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, log), true,
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop(FxRobot robot) {
        System.setErr(originalErr);
        robot.interact(() -> vm.shutdown());
        runner.shutdown();
    }

    @Test
    void aDeletedStoreIsNamedAndNeverCreatedAgain(FxRobot robot) throws Exception {
        storeShown(robot);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }

        String message = noticed(robot);

        assertThat(message).contains(file.toString()).contains("was deleted or moved away");
        assertThat(file).doesNotExist();
        retry(robot);
        FxWait.until(20, () -> text(robot, "#storeErrorMessage").contains("No store at"));
        assertThat(text(robot, "#storeErrorMessage")).contains(file.toString());
        assertThat(FxWait.on(() -> robot.from(root()).lookup("#storeErrorRetry").queryAs(Button.class).isVisible()))
                .isTrue();
        assertThat(file).as("no empty store created in its place").doesNotExist();
        assertThat(Path.of(file + "-wal")).doesNotExist();
    }

    @Test
    void anotherCairnStoreMovedInIsNotWrittenAndOpensOnTryAgain(FxRobot robot) throws Exception {
        Path other = dir.resolve("other-" + System.nanoTime() + ".db");
        try (TrackingStore s = TrackingStore.open(other)) {
            s.runs().create(NewRun.in("replacement").withName("moved-in"));
        }
        String before = sha256(other);
        storeShown(robot);
        // another process commits while the window has the store open: its -wal holds frames not yet in the file
        try (TrackingStore writer = TrackingStore.open(file)) {
            writer.runs().create(NewRun.in("churn").withName("late"));
        }
        FxWait.until(20, () -> {
            ticker.tick();
            return text(robot, "#statusCount").equals("5 runs");
        });
        assertThat(Files.size(Path.of(file + "-wal"))).isPositive();
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        String message = noticed(robot);

        assertThat(message).contains(file.toString()).contains("was replaced by another file");
        assertThat(sha256(file)).as("the replacement is never written").isEqualTo(before);
        assertThat(Path.of(file + "-wal")).as("the old store's journal is not left beside the new file")
                .doesNotExist();
        try (var aside = Files.list(dir)) {
            assertThat(aside.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + "-wal.orphaned-")))
                    .as("the old journal, kept for recovery").hasSize(1);
        }
        retry(robot);
        FxWait.until(20, () -> vm.screenProperty().get() == Screen.BROWSER
                && text(robot, "#statusCount").equals("1 run"));
        assertThat(FxWait.on(() -> vm.statusMessageProperty().get())).isNull();
        try (TrackingStore s = TrackingStore.open(file, StoreOptions.readOnly())) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            assertThat(s.runsChangedSince(0)).hasSize(1);
        }
    }

    @Test
    void aForeignFileMovedInIsRefusedUntouched(FxRobot robot) throws Exception {
        Path foreign = dir.resolve("foreign-" + System.nanoTime() + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE experiments(experiment_id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("INSERT INTO experiments(name) VALUES ('not cairn')");
        }
        String before = sha256(foreign);
        storeShown(robot);
        Files.move(foreign, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        String message = noticed(robot);

        assertThat(message).contains(file.toString()).contains("was replaced by another file");
        retry(robot);
        FxWait.until(20, () -> text(robot, "#storeErrorMessage").contains("Cairn store"));
        assertThat(text(robot, "#storeErrorMessage")).contains(file.toString()).doesNotContain("\n");
        assertThat(sha256(file)).as("the foreign file is never changed").isEqualTo(before);
        assertThat(Path.of(file + "-wal")).doesNotExist();
    }

    /** Waits until the window shows the store's runs. */
    private void storeShown(FxRobot robot) throws Exception {
        FxWait.until(20, () -> vm.screenProperty().get() == Screen.BROWSER
                && text(robot, "#statusCount").equals("4 runs"));
    }

    /**
     * Polls (as the window's one-second ticker does) until the window noticed; checks the one-line message on the
     * error screen, in the status bar and in the log, and that no work is left running; returns the message.
     */
    private String noticed(FxRobot robot) throws Exception {
        FxWait.until(20, () -> {
            if (vm.screenProperty().get() == Screen.ERROR) {
                return true;
            }
            ticker.tick();
            return false;
        });
        FxWait.until(20, () -> !runner.work().visibleProperty().get() && runner.work().runningProperty().get() == 0);
        String message = text(robot, "#storeErrorMessage");
        assertThat(message).doesNotContain("\n").doesNotContain("Exception");
        assertThat(text(robot, "#storeErrorTitle")).isEqualTo("The store file changed on disk");
        assertThat(text(robot, "#statusMessage")).isEqualTo(message);
        assertThat(FxWait.on(() -> robot.from(root()).lookup("#storeErrorRetry").queryAs(Button.class).isVisible()))
                .isTrue();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(l -> l.contains("WARN") && l.contains(message)).count()).isPositive();
        assertThat(logged).doesNotContain("\tat ");
        return message;
    }

    private void retry(FxRobot robot) throws Exception {
        FxWait.laidOut();
        robot.clickOn(robot.from(root()).lookup("#storeErrorRetry").queryAs(Button.class));
    }

    private Node root() {
        return stage.getScene().getRoot();
    }

    /** A label's text, read on the FX thread. */
    private String text(FxRobot robot, String id) {
        java.util.function.Supplier<String> read = () -> robot.from(root()).lookup(id).tryQueryAs(Label.class)
                .map(l -> String.valueOf(l.getText())).orElse("");
        if (javafx.application.Platform.isFxApplicationThread()) {
            return read.get();
        }
        try {
            return FxWait.on(read::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
