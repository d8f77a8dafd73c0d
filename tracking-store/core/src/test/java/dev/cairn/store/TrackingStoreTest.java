package dev.cairn.store;

import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class TrackingStoreTest extends StoreContract {
    @Test
    void storesRunsParamsTagsAndSeriesWithSpecialValuesExactly() {
        try (TrackingStore store = stores.open("s.db")) {
            Run parent = store.runs().create(NewRun.in("churn").withName("sweep"));
            Run child = store.runs().create(NewRun.in("churn").withName("lr-0.1").withParent(parent.id()));
            store.runs().logParams(child.id(), Map.of("lr", "0.1", "optimizer", "adam", "long", "x".repeat(10_000)));
            store.runs().setTag(child.id(), "team name", "vision");
            int n = 1000;
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = i;
                ts[i] = 1_700_000_000_000L + i * 37L;
                values[i] = 1.0 / (i + 1);
            }
            values[10] = Double.NaN;
            values[11] = Double.POSITIVE_INFINITY;
            values[12] = Double.NEGATIVE_INFINITY;
            store.metrics().append(child.id(), "loss", steps, ts, values);
            store.metrics().append(child.id(), "loss", 1000, 1_800_000_000_000L, 0.5);

            MetricSeries series = store.metrics().read(child.id(), "loss");
            assertThat(series.size()).isEqualTo(1001);
            assertThat(series.values()[10]).isNaN();
            assertThat(series.values()[11]).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(series.values()[12]).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(series.values()[999]).isEqualTo(1.0 / 1000);
            assertThat(series.timestamps()[1000]).isEqualTo(1_800_000_000_000L);

            MetricSummary summary = store.metrics().summaries(child.id()).get("loss");
            assertThat(summary.count()).isEqualTo(1001);
            assertThat(summary.last()).isEqualTo(0.5);
            assertThat(summary.lastStep()).isEqualTo(1000);
            assertThat(summary.min()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(summary.max()).isEqualTo(Double.POSITIVE_INFINITY);

            MetricSeries range = store.metrics().read(child.id(), "loss", SeriesRange.steps(300, 309));
            assertThat(range.steps()).containsExactly(300, 301, 302, 303, 304, 305, 306, 307, 308, 309);

            BucketedSeries buckets = store.metrics().downsample(child.id(), "loss", SeriesRange.all(), 10);
            assertThat(buckets.size()).isEqualTo(10);
            assertThat(buckets.totalPoints()).isEqualTo(1001);
            assertThat(buckets.last()[9]).isEqualTo(0.5);
            assertThat(buckets.lastStep()[0]).isEqualTo(100);

            Run read = store.runs().require(child.id());
            assertThat(read.parentId()).isEqualTo(parent.id());
            assertThat(read.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(store.runs().params(child.id())).containsEntry("lr", "0.1").containsKey("long");
            assertThat(store.runs().params(child.id()).get("long")).hasSize(10_000);
            assertThat(store.runs().tags(child.id())).containsEntry("team name", "vision");
            assertThat(store.runs().children(parent.id())).extracting(Run::id).containsExactly(child.id());
            assertThat(store.runs().provenance(child.id())).get().extracting(p -> p.javaVersion())
                    .isEqualTo(System.getProperty("java.version"));
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void changeTokenMovesOnEveryWriteAndNamesChangedRuns() {
        try (TrackingStore store = stores.open("s.db")) {
            Run a = store.runs().create(NewRun.in("e"));
            long t0 = store.changeToken();
            assertThat(store.changeToken()).isEqualTo(t0);
            Run b = store.runs().create(NewRun.in("e"));
            long t1 = store.changeToken();
            assertThat(t1).isGreaterThan(t0);
            assertThat(store.runsChangedSince(t0)).containsExactly(b.id());
            store.metrics().append(a.id(), "m", 1, 1, 1.0);
            assertThat(store.runsChangedSince(t1)).containsExactly(a.id());
        }
    }

    @Test
    void inputsOfManyRunsAreReadInBulk() {
        try (TrackingStore store = stores.open("s.db")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 1203; i++) { // more than one bulk chunk
                ids.add(store.runs().create(NewRun.in("churn")).id());
            }
            DatasetInput iris = new DatasetInput("iris", "d1", "iris.csv", "{}", "training");
            DatasetInput adult = new DatasetInput("adult", "d2", null, null, null);
            store.runs().addInputs(ids.get(0), List.of(iris, adult));
            store.runs().addInputs(ids.get(1202), List.of(iris));
            List<String> asked = new ArrayList<>(ids);
            asked.add("0".repeat(32));

            Map<String, List<DatasetInput>> inputs = store.runs().inputs(asked);
            assertThat(inputs).containsOnlyKeys(ids.get(0), ids.get(1202));
            assertThat(inputs.get(ids.get(0))).containsExactly(adult, iris).isEqualTo(store.runs().inputs(ids.get(0)));
            assertThat(inputs.get(ids.get(1202))).containsExactly(iris);
            assertThat(store.runs().inputs(List.of())).isEmpty();
        }
    }

    @Test
    void unknownRunIsANamedError() {
        try (TrackingStore store = stores.open("s.db")) {
            assertThatThrownBy(() -> store.runs().setNote("0".repeat(32), "x"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("0".repeat(32));
        }
    }

    @Test
    void lifecycleTimesAndParentCanBeSetAndCyclesAreRefused() {
        try (TrackingStore store = stores.open("s.db")) {
            Run a = store.runs().create(NewRun.in("e"));
            Run b = store.runs().create(NewRun.in("e").withParent(a.id()));
            store.runs().setLifecycle(b.id(), dev.cairn.store.model.Lifecycle.DELETED, 1234L);
            assertThat(store.runs().require(b.id()).deletedMs()).isEqualTo(1234L);
            store.runs().restore(b.id());
            assertThat(store.runs().require(b.id()).deletedMs()).isNull();
            store.runs().setTimes(a.id(), 10L, 20L);
            assertThat(store.runs().require(a.id()).durationMs(0)).isEqualTo(10L);
            assertThatThrownBy(() -> store.runs().setParent(a.id(), b.id()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descendants");
            store.runs().setParent(b.id(), null);
            assertThat(store.runs().require(b.id()).parentId()).isNull();
            store.runs().setParent(a.id(), b.id());
            assertThat(store.runs().require(a.id()).parentId()).isEqualTo(b.id());
        }
    }
}
