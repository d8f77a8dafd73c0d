package dev.cairn.app.monitoring;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.monitoring.MonitoringView;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.testing.FxWait;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure "the view of 365 batches drawn in at most 1 s": a year of daily labelled batches with 10 slices,
 * opened in the monitoring view (store read + chart drawn), then redrawn per slice (10 lines). Prints the figures;
 * asserts only a loose bound, as the machine may be shared.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringViewBenchmarkTest {
    @TempDir
    static Path dir;

    static TrackingStore store;
    FxTaskRunner runner;
    MonitoringViewModel vm;
    MonitoringView view;

    /** Written before the stage starts (off the FX thread; slow on a loaded machine). */
    @BeforeAll
    static void year() throws Exception {
        store = TrackingStore.open(Files.createTempDirectory(dir, "bench").resolve("year.db"));
        store.registry().register(NewModelVersion.of("bench"), ChangeOptions.by("bench"));
        MonitoringBenchmark.writeDailyBatches(store, "bench", 1, 365, 200);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(1);
        vm = new MonitoringViewModel(store, runner, "bench");
        view = new MonitoringView(vm);
        stage.setScene(new Scene(view, 1240, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages(); // no window or popup of this test stays on screen for the next FX test's clicks
        runner.shutdown();
    }

    @Test
    void aYearOfDailyBatchesIsReadAndDrawnWithinOneSecond() throws Exception {
        long r0 = System.nanoTime();
        assertThat(store.monitoring().batches("bench", 1)).hasSize(365);
        double read = (System.nanoTime() - r0) / 1e6;
        long t0 = System.nanoTime();
        FxWait.on(() -> {
            vm.open("bench", 1);
            return null;
        });
        FxWait.until(60, () -> view.pointCount() == 365);
        double drawn = FxWait.on(() -> {
            view.getScene().snapshot(null); // a full layout and render pass of the scene
            return (System.nanoTime() - t0) / 1e6;
        });
        long t1 = System.nanoTime();
        FxWait.on(() -> {
            vm.segment().set("segment");
            return null;
        });
        FxWait.until(60, () -> view.pointCount() == 3650);
        double slices = FxWait.on(() -> {
            view.getScene().snapshot(null);
            return (System.nanoTime() - t1) / 1e6;
        });
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("monitoring view, 365 batches: store read alone %.0f ms; read and drawn in %.0f ms; 10 slices"
                + " x 365 redrawn in %.0f ms (load average %.1f on %d cores)%n", read, drawn, slices, load,
                Runtime.getRuntime().availableProcessors());
        assertThat(drawn).as("a loose bound; the figure is ≤ 1 s on a quiet machine").isLessThan(15_000);
    }
}
