package dev.cairn.store.series;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Range reads, out-of-order logging, time-axis buckets and the "last" rule, against a real store. */
@ParameterizedClass
@EnumSource(Backend.class)
class SeriesReadTest extends StoreContract {
    @Test
    void outOfOrderStepsReadBackSortedAndLastIsTheHighestStep() {
        try (TrackingStore store = stores.open("s.db")) {
            String run = store.runs().create(NewRun.in("e")).id();
            store.metrics().append(run, "m", new long[] {5, 1, 3}, new long[] {100, 200, 300},
                    new double[] {0.5, 0.1, 0.3});
            store.metrics().append(run, "m", new long[] {2, 5}, new long[] {400, 100}, new double[] {0.2, 0.9});
            MetricSeries s = store.metrics().read(run, "m");
            assertThat(s.steps()).containsExactly(1, 2, 3, 5, 5);
            assertThat(s.values()).containsExactly(0.1, 0.2, 0.3, 0.5, 0.9);
            MetricSummary summary = store.metrics().summaries(run).get("m");
            assertThat(summary.lastStep()).isEqualTo(5);
            assertThat(summary.last()).as("tie on step and time: the larger value").isEqualTo(0.9);
            assertThat(summary.min()).isEqualTo(0.1);
        }
    }

    @Test
    void timeRangeAndStepRangeReadsCrossChunkBoundaries() {
        try (TrackingStore store = stores.open("s.db")) {
            String run = store.runs().create(NewRun.in("e")).id();
            int n = 5_000;
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = i * 2L;
                ts[i] = 1_000_000L + i * 10L;
                v[i] = i;
            }
            store.metrics().append(run, "m", steps, ts, v);
            MetricSeries byStep = store.metrics().read(run, "m", SeriesRange.steps(500, 1_099));
            assertThat(byStep.size()).isEqualTo(300);
            assertThat(byStep.steps()[0]).isEqualTo(500);
            assertThat(byStep.steps()[299]).isEqualTo(1_098);
            MetricSeries byTime = store.metrics().read(run, "m", SeriesRange.time(1_002_560L, 1_002_600L));
            assertThat(byTime.values()).containsExactly(256, 257, 258, 259, 260);
        }
    }

    @Test
    void downsamplingMatchesABruteForceBucketingOnEitherAxis() {
        try (TrackingStore store = stores.open("s.db")) {
            String run = store.runs().create(NewRun.in("e")).id();
            Random random = new Random(3);
            int n = 20_000;
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = i;
                ts[i] = 5_000L + i * 7L + random.nextInt(3);
                v[i] = random.nextGaussian();
            }
            v[123] = Double.NaN;
            for (int from = 0; from < n; from += 777) {
                int len = Math.min(777, n - from);
                store.metrics().append(run, "m", java.util.Arrays.copyOfRange(steps, from, from + len),
                        java.util.Arrays.copyOfRange(ts, from, from + len), java.util.Arrays.copyOfRange(v, from, from + len));
            }
            for (SeriesRange range : new SeriesRange[] {SeriesRange.all(), SeriesRange.steps(1_000, 13_333),
                SeriesRange.time(ts[40], ts[19_000])}) {
                int buckets = 97;
                BucketedSeries b = store.metrics().downsample(run, "m", range, buckets);
                boolean byStep = range.axis() == SeriesAxis.STEP;
                long from = range.isAll() ? 0 : range.from();
                long to = range.isAll() ? n - 1 : range.to();
                long span = to - from + 1;
                double[] min = new double[buckets];
                double[] max = new double[buckets];
                double[] last = new double[buckets];
                long[] count = new long[buckets];
                java.util.Arrays.fill(min, Double.NaN);
                java.util.Arrays.fill(max, Double.NaN);
                for (int i = 0; i < n; i++) {
                    long x = byStep ? steps[i] : ts[i];
                    if (x < from || x > to) {
                        continue;
                    }
                    int k = (int) (((x - from) * buckets) / span);
                    count[k]++;
                    last[k] = v[i];
                    if (!Double.isNaN(v[i])) {
                        min[k] = Double.isNaN(min[k]) ? v[i] : Math.min(min[k], v[i]);
                        max[k] = Double.isNaN(max[k]) ? v[i] : Math.max(max[k], v[i]);
                    }
                }
                int seen = 0;
                for (int k = 0; k < buckets; k++) {
                    if (count[k] == 0) {
                        continue;
                    }
                    assertThat(b.bucketIndex()[seen]).isEqualTo(k);
                    assertThat(b.count()[seen]).isEqualTo(count[k]);
                    assertThat(b.min()[seen]).isEqualTo(min[k]);
                    assertThat(b.max()[seen]).isEqualTo(max[k]);
                    assertThat(b.last()[seen]).isEqualTo(last[k]);
                    seen++;
                }
                assertThat(b.size()).isEqualTo(seen);
            }
        }
    }
}
