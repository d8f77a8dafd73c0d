package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.series.SeriesRange;
import dev.cairn.viewer.common.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChartViewModelTest {
    @TempDir
    Path dir;
    TrackingStore store;
    Run a;
    Run b;
    Run c;
    ChartsViewModel charts;
    CompareViewModel vm;

    @BeforeEach
    void setUp() {
        store = TrackingStore.open(dir.resolve("charts.db"));
        a = CompareStoreFixture.run(store, "a", Map.of("lr", "0.1"), "blue", 10_000, 1.0);
        b = CompareStoreFixture.run(store, "b", Map.of("lr", "0.01"), "red", 10_000, 2.0);
        c = CompareStoreFixture.run(store, "c", Map.of("lr", "0.1"), "red", 5_000, 4.0);
        vm = new CompareViewModel(store, new DirectTaskRunner(), List.of(a.id(), b.id(), c.id()));
        vm.load();
        charts = vm.charts();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ChartViewModel chart(String key) {
        return charts.charts().stream().filter(ch -> ch.title().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void picksMetricsAndBuildsOneChartPerMetricOrPerRun() {
        assertThat(charts.metricKeys()).containsExactly("loss", "val/acc");
        assertThat(charts.charts()).extracting(ChartViewModel::title).containsExactly("loss", "val/acc");
        charts.setPicked("loss", false);
        assertThat(charts.charts()).extracting(ChartViewModel::title).containsExactly("val/acc");
        charts.metricSearchProperty().set("val/*");
        assertThat(charts.shownKeys()).containsExactly("val/acc");
        charts.metricSearchProperty().set("");
        charts.pickMatching();
        charts.layoutProperty().set(ChartLayout.PER_RUN);
        assertThat(charts.charts()).extracting(ChartViewModel::title).containsExactly("a", "b", "c");
        assertThat(charts.charts().get(0).lines()).extracting(ChartLine::label).containsExactly("loss", "val/acc");
    }

    @Test
    void theReadoutShowsTheStepAsAnIntegerAndValuesWithFiveSignificantDigits() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(20_000);
        String text = loss.readoutText(6.223776223776223);
        assertThat(text.lines().toList()).containsExactly("step 6", "a: 0.14286", "b: 0.28571", "c: 0.57143");
        assertThat(loss.readoutText(-5)).isNull();
    }

    @Test
    void aChartOfManyLinesIsReadInSeveralJobsAndEveryLineGetsItsOwnSeries() {
        List<String> ids = new ArrayList<>();
        Map<String, Double> scales = new HashMap<>();
        int runs = ChartViewModel.LINES_PER_READ + 7;
        for (int i = 0; i < runs; i++) {
            Run r = CompareStoreFixture.run(store, "r" + i, Map.of("lr", "0.1"), "blue", 100, i + 1.0);
            ids.add(r.id());
            scales.put(r.id(), i + 1.0);
        }
        CountingRunner runner = new CountingRunner();
        CompareViewModel many = new CompareViewModel(store, runner, ids);
        many.load();
        ChartViewModel loss = many.charts().charts().stream().filter(ch -> ch.title().equals("loss")).findFirst()
                .orElseThrow();
        int before = runner.jobs;
        loss.setPixelWidth(50);
        assertThat(runner.jobs - before).as("jobs of one load").isEqualTo(2);
        List<PlotSeries> series = loss.seriesProperty().get();
        assertThat(series).hasSize(runs);
        for (int i = 0; i < runs; i++) {
            ChartLine line = loss.lines().get(i);
            assertThat(series.get(i).label()).isEqualTo(line.label());
            double[] y = series.get(i).y();
            assertThat(y[y.length - 1]).as(line.label()).isCloseTo(scales.get(line.runId()) / 100, within(1e-12));
        }
    }

    /** Runs every job at once, counting them. */
    private static final class CountingRunner implements dev.cairn.viewer.common.TaskRunner {
        private final DirectTaskRunner direct = new DirectTaskRunner();
        int jobs;

        @Override
        public <T> dev.cairn.viewer.common.Cancellable submit(String label, dev.cairn.viewer.common.BackgroundJob<T> job,
                java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<? super Throwable> onFailure) {
            jobs++;
            return direct.submit(label, job, onSuccess, onFailure);
        }

        @Override
        public dev.cairn.viewer.common.BackgroundWork work() {
            return direct.work();
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void asksForOneBucketPerPixelOverTheWholeSeries() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(300);
        assertThat(loss.lastRequests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.buckets()).isEqualTo(300);
            assertThat(r.range().isAll()).isTrue();
        });
        assertThat(loss.seriesProperty().get()).allSatisfy(s -> assertThat(s.size()).isBetween(290, 300));
        PlotSeries first = loss.seriesProperty().get().get(0);
        assertThat(first.x()[first.size() - 1]).isEqualTo(9_999);
        assertThat(first.max()[0]).isEqualTo(1.0);
    }

    @Test
    void zoomAsksAgainForTheVisibleRangeOnlyAndResetAsksForEverything() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(200);
        loss.zoomTo(1000.4, 1999.6);
        assertThat(loss.lastRequests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.range()).isEqualTo(SeriesRange.steps(1000, 2000));
            assertThat(r.buckets()).isEqualTo(200);
        });
        for (PlotSeries s : loss.seriesProperty().get()) {
            assertThat(java.util.Arrays.stream(s.x()).boxed().toList()).allSatisfy(x -> assertThat(x).isBetween(1000.0, 2000.0));
            assertThat(s.size()).isBetween(190, 200);
        }
        loss.resetZoom();
        assertThat(loss.visibleRangeProperty().get()).isNull();
        assertThat(loss.lastRequests()).allSatisfy(r -> assertThat(r.range().isAll()).isTrue());
    }

    @Test
    void relativeTimeZoomAsksEachRunForItsOwnTimeWindow() {
        charts.options().xAxisProperty().set(XAxisMode.RELATIVE_TIME);
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(100);
        // 10,000 s in 100 buckets: a bucket is drawn at its last point, 99 s after the start
        assertThat(loss.seriesProperty().get().get(0).x()[0]).isEqualTo(99.0);
        loss.zoomTo(10, 20);
        assertThat(loss.lastRequests().get(0).range())
                .isEqualTo(SeriesRange.time(CompareStoreFixture.T0 + 10_000, CompareStoreFixture.T0 + 20_000));
        assertThat(java.util.Arrays.stream(loss.seriesProperty().get().get(0).x()).boxed().toList())
                .allSatisfy(x -> assertThat(x).isBetween(10.0, 20.0));
    }

    @Test
    void changingTheXAxisResetsZoom() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(100);
        loss.zoomTo(10, 20);
        charts.options().xAxisProperty().set(XAxisMode.WALL_TIME);
        assertThat(loss.visibleRangeProperty().get()).isNull();
        assertThat(loss.seriesProperty().get().get(0).x()[0]).isEqualTo(CompareStoreFixture.T0 / 1000.0 + 99);
    }

    @Test
    void smoothingKeepsTheRawLineAndAddsTheEma() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(100);
        charts.options().smoothingProperty().set(0.6);
        PlotSeries s = loss.seriesProperty().get().get(0);
        assertThat(s.smoothed()).containsExactly(Ema.smooth(s.y(), 0.6));
        assertThat(s.smoothed()[5]).isNotEqualTo(s.y()[5]);
    }

    @Test
    void groupByParamDrawsTheMeanOfEachGroupWithItsRunCount() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(100);
        charts.options().groupByProperty().set(GroupBy.param("lr"));
        List<PlotSeries> groups = loss.seriesProperty().get();
        assertThat(groups).extracting(PlotSeries::label).containsExactly("lr=0.1 (2 runs)", "lr=0.01 (1 run)");
        PlotSeries g = groups.get(0);
        // first bin: steps 0..99 of a (1/(s+1)) and c (4/(s+1)); last value at step 99 -> mean of 0.01 and 0.04
        assertThat(g.y()[0]).isCloseTo((1.0 / 100 + 4.0 / 100) / 2, within(1e-9));
        assertThat(g.min()[0]).isCloseTo(0.01, within(1e-9));
        assertThat(g.max()[0]).isEqualTo(4.0);
        charts.options().groupByProperty().set(null);
        assertThat(loss.seriesProperty().get()).hasSize(3);
    }

    @Test
    void crosshairValuesSkipHiddenRunsAndLogScaleDropsNonPositivePoints() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(10_000);
        assertThat(loss.valuesAt(3)).extracting(Readout::y).containsExactly(0.25, 0.5, 1.0);
        charts.options().toggleHidden(b.id());
        assertThat(loss.valuesAt(3)).extracting(Readout::label).containsExactly("a", "c");
        assertThat(loss.valuesAt(-1)).isEmpty();
    }

    @Test
    void ignoreOutliersNarrowsTheYRange() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(500);
        assertThat(loss.yRange()).isNull();
        charts.options().ignoreOutliersProperty().set(true);
        double[] range = loss.yRange();
        assertThat(range[1]).isLessThan(1.0);
        assertThat(range[0]).isLessThan(0.01);
    }

    @Test
    void liveRunsExtendTheirLineWhileAZoomedChartKeepsItsRange() {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(100);
        ChartViewModel acc = chart("val/acc");
        acc.setPixelWidth(100);
        acc.zoomTo(100, 200);
        dev.cairn.viewer.common.ManualTicker ticker = new dev.cairn.viewer.common.ManualTicker();
        vm.startLive(ticker);
        ticker.tick();
        int loadsBefore = loss.loadCount();
        store.metrics().append(c.id(), "loss", new long[] {5_000, 5_001}, new long[] {CompareStoreFixture.T0 + 5_000_000,
            CompareStoreFixture.T0 + 5_001_000}, new double[] {0.5, 0.25});
        ticker.tick();
        assertThat(loss.loadCount()).isGreaterThan(loadsBefore);
        PlotSeries cLine = loss.seriesProperty().get().get(2);
        assertThat(cLine.x()[cLine.size() - 1]).isEqualTo(5_001);
        assertThat(acc.visibleRangeProperty().get()).containsExactly(100, 200);
        assertThat(acc.lastRequests()).allSatisfy(r -> assertThat(r.range()).isEqualTo(SeriesRange.steps(100, 200)));
        vm.stopLive();
    }

    @Test
    void exportsPlottedAndRawDataAsCsv() throws Exception {
        ChartViewModel loss = chart("loss");
        loss.setPixelWidth(50);
        loss.zoomTo(0, 9);
        StringWriter plotted = new StringWriter();
        loss.writePlottedCsv(plotted);
        String[] lines = plotted.toString().split("\n");
        assertThat(lines[0]).isEqualTo("chart,line,runs,x,value,min,max,smoothed");
        assertThat(lines[1]).startsWith("loss,a,1,0.0,1.0,1.0,1.0,");
        assertThat(lines).hasSize(1 + 3 * 10);
        StringWriter raw = new StringWriter();
        loss.writeRawCsv(raw);
        assertThat(raw.toString()).contains(a.id() + ",a,loss,9," + (CompareStoreFixture.T0 + 9000) + ",0.1\n");
        assertThat(raw.toString().split("\n")).hasSize(1 + 30);
    }
}
