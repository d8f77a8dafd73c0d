package dev.cairn.app.monitoring;

import dev.cairn.app.demo.DemoData;
import dev.cairn.app.demo.DriftSection;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.monitoring.MonitoringView;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.testing.FxWait;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring view of the demo churn model in a real stage (Monocle): chart, slices, alerts, promotion. */
@ExtendWith(ApplicationExtension.class)
class MonitoringViewFxTest {
    @TempDir
    static Path dir;

    TrackingStore store;
    FxTaskRunner runner;
    MonitoringViewModel vm;
    MonitoringView view;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        store = TrackingStore.open(Files.createTempDirectory(dir, "fx").resolve("demo.db"));
        DemoData.generate(store, p -> { }, List.of(new DriftSection()), Instant.parse("2026-06-01T09:00:00Z"));
        runner = new FxTaskRunner(1);
        vm = new MonitoringViewModel(store, runner, "tester");
        view = new MonitoringView(vm);
        stage.setScene(new Scene(view, 1240, 760));
        stage.show();
        vm.reload();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages(); // no window or popup of this test stays on screen for the next FX test's clicks
        runner.shutdown();
        store.close();
    }

    @Test
    void showsTheDemoModelsPerformanceSlicesAlertsAndPromotesTheChallenger(FxRobot robot) throws Exception {
        FxWait.until(20, () -> vm.snapshot().get() != null && !vm.series().get().isEmpty());
        assertThat(vm.model().get()).isEqualTo(DriftSection.MODEL);
        assertThat(vm.version().get()).isEqualTo(2);
        assertThat(vm.metrics()).containsExactly("accuracy", "precision", "recall", "f1", "rocAuc", "logLoss");
        assertThat(FxWait.on(() -> vm.series().get().stream().map(MonitoringViewModel.Series::name).toList()))
                .containsExactly("v2", "v3 (challenger)");
        assertThat(FxWait.on(view::pointCount)).isEqualTo(60);
        assertThat(FxWait.on(view::markerCount)).as("go-live events and alerts on the time axis").isGreaterThan(2);
        java.util.List<io.fair_acc.chartfx.axes.spi.AbstractAxis> axes = robot.from(robot.lookup("#monitoring-chart")
                .queryAs(javafx.scene.Node.class)).lookup((javafx.scene.Node n) -> n instanceof io.fair_acc.chartfx.axes.spi.AbstractAxis)
                .queryAllAs(io.fair_acc.chartfx.axes.spi.AbstractAxis.class).stream().toList();
        assertThat(axes).isNotEmpty().allSatisfy(a -> assertThat(a.getUnit()).as("no empty unit brackets").isNull());
        assertThat(axes).filteredOn(a -> "batch date".equals(a.getName())).singleElement()
                .satisfies(a -> assertThat(a.getTickLabelFormatter().toString(20_605.3)).isEqualTo("06-01"));
        assertThat(robot.lookup("#monitoring-latest").queryAs(Label.class).getText()).startsWith("Latest batch")
                .contains("accuracy").as("a date and numbers of 3 significant digits")
                .matches("Latest batch \\d{4}-\\d\\d-\\d\\d: [^:]*").doesNotContainPattern("\\d\\.\\d*[1-9]\\d{3}");
        @SuppressWarnings("unchecked")
        ListView<String> alerts = robot.lookup("#monitoring-alerts").queryAs(ListView.class);
        assertThat(alerts.getItems()).isNotEmpty().anySatisfy(a -> assertThat(a).contains("slice gap of recall"));
        @SuppressWarnings("unchecked")
        ListView<dev.cairn.store.monitoring.AlertRule> rules = robot.lookup("#monitoring-rules").queryAs(ListView.class);
        assertThat(rules.getItems()).hasSize(2);
        assertThat(robot.lookup("#monitoring-duel").queryAs(Label.class).getText()).contains("Champion v2")
                .contains("challenger v3").contains("McNemar p =");

        robot.clickOn("#monitoring-segment").clickOn("region");
        FxWait.until(20, () -> vm.series().get().size() == 3);
        assertThat(FxWait.on(() -> vm.series().get().stream().map(MonitoringViewModel.Series::name).toList()))
                .containsExactly("region=amer", "region=apac", "region=emea");
        double[] apac = FxWait.on(() -> vm.series().get().get(1).values());
        double[] emea = FxWait.on(() -> vm.series().get().get(2).values());
        assertThat(emea[29] - apac[29]).as("the apac gap grows").isGreaterThan(emea[0] - apac[0]);

        robot.clickOn("#monitoring-promote");
        FxWait.until(20, () -> !vm.message().get().isEmpty());
        assertThat(vm.message().get()).startsWith("Promoted v3 to Production");
        List<ModelEvent> history = store.registry().history(DriftSection.MODEL);
        assertThat(history).last().satisfies(e -> assertThat(e.action()).isIn(EventAction.PROMOTE, EventAction.ARCHIVE));
        assertThat(history.stream().filter(e -> e.action() == EventAction.PROMOTE && e.version() == 3
                && e.stage() == Stage.PRODUCTION && "tester".equals(e.user()))).hasSize(1);
        assertThat(store.registry().version(DriftSection.MODEL, 3).stage()).isEqualTo(Stage.PRODUCTION);
    }

    @Test
    void aDeletedVersionKeepsItsGoLiveMarkLabelledDeletedAndNoMarkerLabelsOverlap(FxRobot robot) throws Exception {
        FxWait.until(20, () -> vm.snapshot().get() != null && !vm.series().get().isEmpty());
        store.registry().deleteVersion(DriftSection.MODEL, 3, store.registry().expectCurrent(DriftSection.MODEL),
                dev.cairn.store.registry.ChangeOptions.by("tester"));
        vm.reload();
        FxWait.until(20, () -> view.goLiveLabels().contains("v3 live (deleted)"));
        assertThat(FxWait.on(view::goLiveLabels)).containsExactly("v3 live (deleted)", "rollback to v2");
        FxWait.laidOut();
        javafx.scene.Node chart = robot.lookup("#monitoring-chart").queryAs(javafx.scene.Node.class);
        List<javafx.geometry.Bounds> labels = FxWait.on(() -> robot.from(chart).lookup(".value-indicator-label")
                .queryAll().stream().filter(javafx.scene.Node::isVisible).map(n -> n.localToScene(n.getBoundsInLocal()))
                .toList());
        assertThat(labels).as("go-live and alert labels").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("labels %s and %s overlap", labels.get(i),
                        labels.get(j)).isFalse();
            }
        }
    }
}
