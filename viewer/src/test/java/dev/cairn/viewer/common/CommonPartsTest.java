package dev.cairn.viewer.common;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPartsTest {

    @Test
    void markerLabelsThatWouldOverlapGoOnAnotherHeight() {
        // labels 100 px wide: centres 50 px apart overlap, 150 px apart do not (12 px gap)
        double[] half = {50, 50, 50, 50};
        assertThat(ChartMarkers.levels(new double[] {100, 150, 200, 400}, half)).containsExactly(0, 1, 2, 0);
        assertThat(ChartMarkers.levels(new double[] {100, 300, 500, 700}, half)).containsExactly(0, 0, 0, 0);
        assertThat(ChartMarkers.levels(new double[] {100, 205, 320}, half)).as("a 12 px gap is kept")
                .containsExactly(0, 1, 0);
        // a long label pushes its neighbour up even where two short ones would fit side by side
        assertThat(ChartMarkers.levels(new double[] {100, 200}, new double[] {
            ChartMarkers.labelWidth("rollback to v2 (deleted)") / 2, ChartMarkers.labelWidth("v3 live") / 2}))
                .containsExactly(0, 1);
        assertThat(ChartMarkers.levels(new double[] {100, 200}, new double[] {
            ChartMarkers.labelWidth("alert") / 2, ChartMarkers.labelWidth("alert") / 2})).containsExactly(0, 0);
    }

    /** Holds submitted jobs until the test completes them, in any order. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> completions = new ArrayList<>();
        final BackgroundWork work = new BackgroundWork();
        int cancelled;

        @Override
        public <T> Cancellable submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
            completions.add(() -> {
                try {
                    onSuccess.accept(job.run(p -> { }));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> cancelled++;
        }

        @Override
        public BackgroundWork work() {
            return work;
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void latestRequestWinsEvenWhenAStaleResultArrivesLast() {
        HeldRunner runner = new HeldRunner();
        LatestOnly latest = new LatestOnly(runner);
        List<String> delivered = new ArrayList<>();
        latest.submit("a", p -> "first", delivered::add, e -> { });
        latest.submit("b", p -> "second", delivered::add, e -> { });
        runner.completions.get(1).run();
        runner.completions.get(0).run();
        assertThat(delivered).containsExactly("second");
        assertThat(runner.cancelled).isEqualTo(1);
    }

    @Test
    void partsOfARequestAreDeliveredTogetherInOrderAndOnlyForTheLatestRequest() {
        HeldRunner runner = new HeldRunner();
        LatestOnly latest = new LatestOnly(runner);
        List<List<String>> delivered = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        latest.submitAll("a", List.<BackgroundJob<String>>of(p -> "stale"), delivered::add, errors::add);
        latest.submitAll("b", List.<BackgroundJob<String>>of(p -> "x", p -> "y", p -> "z"), delivered::add, errors::add);
        assertThat(runner.cancelled).as("the earlier request's part").isEqualTo(1);
        runner.completions.get(3).run();
        runner.completions.get(1).run();
        assertThat(delivered).as("not before every part arrived").isEmpty();
        runner.completions.get(2).run();
        runner.completions.get(0).run();
        assertThat(delivered).containsExactly(List.of("x", "y", "z"));
        assertThat(errors).isEmpty();

        latest.submitAll("c", List.<BackgroundJob<String>>of(p -> "ok", p -> {
            throw new IllegalStateException("part failed");
        }, p -> "late"), delivered::add, errors::add);
        runner.completions.get(5).run();
        runner.completions.get(4).run();
        runner.completions.get(6).run();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("part failed");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void directRunnerDeliversFailuresAndTracksWork() {
        DirectTaskRunner runner = new DirectTaskRunner();
        List<Throwable> errors = new ArrayList<>();
        runner.submit("boom", () -> {
            throw new IllegalStateException("nope");
        }, r -> { }, errors::add);
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("nope");
        assertThat(runner.work().runningProperty().get()).isZero();
    }

    @Test
    void formatsReadLikeAHumanWroteThem() {
        assertThat(Formats.duration(850L)).isEqualTo("850 ms");
        assertThat(Formats.duration(12_300L)).isEqualTo("12.3 s");
        assertThat(Formats.duration(245_000L)).isEqualTo("4m 05s");
        assertThat(Formats.duration(7_380_000L)).isEqualTo("2h 03m");
        assertThat(Formats.duration(null)).isEmpty();
        assertThat(Formats.number(0.912345678)).isEqualTo("0.91235");
        assertThat(Formats.number(42.0)).isEqualTo("42");
        assertThat(Formats.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Formats.number(1.5e-7)).isEqualTo("1.500e-07");
        assertThat(Formats.count(100_000)).isEqualTo("100,000");
        assertThat(Formats.dateTime(0L, ZoneOffset.UTC)).isEqualTo("1970-01-01 00:00:00");
    }

    @Test
    void settingsKeepTenRecentStoresMostRecentFirst() {
        ViewerSettings s = new ViewerSettings();
        for (int i = 0; i < 12; i++) {
            s.rememberStore("/s" + i);
        }
        s.rememberStore("/s5");
        assertThat(s.getRecentStores()).hasSize(ViewerSettings.MAX_RECENT).startsWith("/s5", "/s11");
        assertThat(Theme.parse("DARK")).isEqualTo(Theme.DARK);
        assertThat(Theme.parse(null)).isEqualTo(Theme.LIGHT);
    }

    @Test
    void manualTickerStopsCallingCancelledActions() {
        ManualTicker ticker = new ManualTicker();
        int[] calls = {0};
        Cancellable c = ticker.every(java.time.Duration.ofSeconds(1), () -> calls[0]++);
        ticker.tick();
        c.cancel();
        ticker.tick();
        assertThat(calls[0]).isEqualTo(1);
    }
}
