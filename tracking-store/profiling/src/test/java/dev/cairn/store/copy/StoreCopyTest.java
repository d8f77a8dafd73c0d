package dev.cairn.store.copy;

import dev.cairn.store.RunRef;
import dev.cairn.store.StoreInfo;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.NumericProfile;
import dev.cairn.store.drift.SampleColumn;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code store copy} between any two backends keeps everything: runs, series bit for bit, registry, drift. */
class StoreCopyTest {
    @TempDir
    Path dir;
    TestStores sqlite;
    TestStores postgres;

    @BeforeEach
    void stores() {
        sqlite = new TestStores(Backend.SQLITE, dir);
        postgres = new TestStores(Backend.POSTGRESQL, dir);
    }

    @AfterEach
    void close() {
        sqlite.close();
        postgres.close();
    }

    @ParameterizedTest
    @CsvSource({"SQLITE, POSTGRESQL", "POSTGRESQL, SQLITE", "SQLITE, SQLITE", "POSTGRESQL, POSTGRESQL"})
    void aCopyHoldsExactlyWhatTheSourceHeldAndKeepsWorking(Backend from, Backend to) {
        TrackingStore source = fixture(from).open("source.db");
        fill(source);
        TrackingStore target = fixture(to).open("target.db");
        List<String> progress = new ArrayList<>();

        source.copyInto(target, progress::add);

        assertThat(progress).contains("runs", "metric_chunks", "model_events", "drift_columns");
        assertThat(snapshot(target)).containsExactlyElementsOf(snapshot(source));
        StoreInfo a = source.info();
        StoreInfo b = target.info();
        assertThat(List.of(b.experiments(), b.runs(), b.metricPoints(), b.models()))
                .isEqualTo(List.of(a.experiments(), a.runs(), a.metricPoints(), a.models()));
        // ids continue after the copied ones: new rows never collide
        Run added = target.runs().create(NewRun.in("churn").withName("after-copy"));
        target.metrics().append(added.id(), "loss", 0, 0, 0.1);
        assertThat(target.registry().register(NewModelVersion.of("churn").fromRun(added.id()),
                ChangeOptions.by("carol")).version()).isEqualTo(4);
        assertThat(target.registry().history("churn")).hasSize(source.registry().history("churn").size() + 1);
    }

    @ParameterizedTest
    @CsvSource({"SQLITE", "POSTGRESQL"})
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas(Backend to) {
        TrackingStore source = sqlite.open("source.db");
        fill(source);
        TrackingStore target = fixture(to).open("target.db");
        Run mine = target.runs().create(NewRun.in("mine"));

        assertThatThrownBy(() -> source.copyInto(target, p -> { }))
                .isInstanceOf(StoreException.class).hasMessageContaining("not empty");
        assertThat(target.search().searchAll(RunQuery.all())).extracting(Run::id).containsExactly(mine.id());
    }

    private TestStores fixture(Backend backend) {
        return backend == Backend.SQLITE ? sqlite : postgres;
    }

    /** Runs (nested, deleted, with NaN/±Inf and out-of-order steps), a registry with history, drift data. */
    private static void fill(TrackingStore store) {
        store.experiments().getOrCreate("churn");
        store.experiments().setDescription("churn", "who leaves");
        store.experiments().setTag("churn", "team", "growth");
        String[] ids = new String[3];
        store.write(w -> {
            RunRef parent = w.createRun(NewRun.in("churn").withName("sweep").withStatus(RunStatus.FINISHED)
                    .withTimes(1_000L, 9_000L).withUser("ann"));
            ids[0] = parent.id();
            for (int i = 1; i < 3; i++) {
                RunRef child = w.createRun(NewRun.in("churn").withName("trial-" + i).withParent(parent.id())
                        .withTimes(2_000L + i, null));
                ids[i] = child.id();
                w.logParams(child, Map.of("lr", String.valueOf(0.1 * i), "optimizer", i == 1 ? "adam" : "sgd"));
                w.setTags(child, Map.of("mlflow.source.name", "train.py"));
                w.addInputs(child, List.of(new DatasetInput("train", "abc" + i, "s3://b/train.csv", null, "training")));
                w.setArtifacts(child, "file:///art/" + i, List.of(new Artifact("model.pkl", 1234L)));
                int n = 700;
                long[] steps = new long[n];
                long[] ts = new long[n];
                double[] values = new double[n];
                for (int s = 0; s < n; s++) {
                    steps[s] = s % 100 == 0 ? n - s : s;
                    ts[s] = 1_700_000_000_000L + s;
                    values[s] = s == 5 ? Double.NaN : s == 6 ? Double.POSITIVE_INFINITY
                            : s == 7 ? Double.NEGATIVE_INFINITY : s == 8 ? -0.0 : Math.sin(s) / (i + 1);
                }
                w.append(child, "loss", steps, ts, values);
                w.append(child, "acc", new long[] {0, 1}, new long[] {1, 2}, new double[] {0.5, 0.75 + i / 100.0});
            }
        });
        store.runs().setNote(ids[1], "best so far");
        store.runs().delete(ids[2]);
        for (int v = 0; v < 3; v++) {
            store.registry().register(NewModelVersion.of("churn").fromRun(ids[1]), ChangeOptions.by("ann"));
        }
        store.registry().promote("churn", 1, Stage.PRODUCTION, Expectation.versionIn(1, Stage.NONE),
                ChangeOptions.by("ann"));
        store.registry().promote("churn", 2, Stage.PRODUCTION, store.registry().expectCurrent("churn"),
                ChangeOptions.by("bob").archivingExisting().withComment("better"));
        store.registry().rollback("churn", Stage.PRODUCTION, store.registry().expectCurrent("churn"),
                ChangeOptions.by("ann"));
        store.registry().setAlias("churn", "champion", 1, Expectation.nothing(), ChangeOptions.by("ann"));
        DriftDatasets datasets = new DriftDatasets(store.drift());
        DatasetWriter reference = datasets.referenceWriter("churn", 1, List.of("age", "plan"),
                ProfileOptions.defaults());
        for (int r = 0; r < 300; r++) {
            reference.row(20 + r % 50, r % 3 == 0 ? "pro" : "free");
        }
        reference.commit();
        DatasetWriter batch = datasets.batchWriter("churn", 1, Instant.parse("2026-03-01T00:00:00Z"),
                List.of("age", "plan"), ProfileOptions.defaults());
        for (int r = 0; r < 200; r++) {
            batch.row(40 + r % 30, r % 2 == 0 ? "pro" : null);
        }
        batch.commit();
        store.drift().setShare("churn", 0.4);
        store.drift().setColumnSetting("churn", "age", "wasserstein", 0.2);
    }

    /** Everything the API can read back, with series values as raw IEEE bits. */
    private static List<String> snapshot(TrackingStore store) {
        List<String> out = new ArrayList<>();
        for (Experiment e : store.experiments().list(true)) {
            out.add("experiment " + e);
        }
        List<Run> runs = store.search().searchAll(RunQuery.all().includingDeleted(true).orderedBy(List.of("run_id")));
        Map<String, RunDetails> details = store.runs().details(runs.stream().map(Run::id).toList());
        for (Run run : runs) {
            RunDetails d = details.get(run.id());
            out.add("run " + d.run() + " params " + new TreeMap<>(d.params()) + " tags " + new TreeMap<>(d.tags())
                    + " metrics " + new TreeMap<>(d.metrics()));
            out.add("inputs " + store.runs().inputs(run.id()) + " artifacts " + store.runs().artifacts(run.id())
                    + " provenance " + store.runs().provenance(run.id()));
            for (String key : new TreeMap<>(d.metrics()).keySet()) {
                MetricSeries s = store.metrics().read(run.id(), key);
                long[] bits = Arrays.stream(s.values()).mapToLong(Double::doubleToRawLongBits).toArray();
                out.add("series " + key + Arrays.toString(s.steps()) + Arrays.toString(s.timestamps())
                        + Arrays.toString(bits));
            }
        }
        for (RegisteredModel m : store.registry().models()) {
            out.add("model " + m);
            for (ModelVersion v : store.registry().versions(m.name())) {
                out.add("version " + v);
            }
            for (ModelEvent e : store.registry().history(m.name())) {
                out.add("event " + e);
            }
            out.add("state " + store.registry().state(m.name()));
            out.add("drift settings " + store.drift().settings(m.name()));
            List<DatasetProfile> datasets = new ArrayList<>(store.drift().reference(m.name(), 1).stream().toList());
            datasets.addAll(store.drift().batches(m.name(), 1));
            for (DatasetProfile p : datasets) {
                out.add("dataset " + p.kind() + " " + p.time() + " rows " + p.rowCount());
                for (ColumnProfile c : p.columns()) {
                    out.add("column " + c.name() + " " + c.type() + " " + c.role() + " " + c.present() + " "
                            + c.missing() + " " + new TreeMap<>(c.valueCounts()) + " " + c.otherCount()
                            + (c.numeric() == null ? "" : " " + numeric(c.numeric())));
                }
                for (SampleColumn c : store.drift().sample(p.id()).columns()) {
                    out.add("sample " + c.name() + Arrays.toString(c.numbers()) + Arrays.toString(c.labels()));
                }
            }
        }
        return out;
    }

    private static String numeric(NumericProfile n) {
        return n.min() + " " + n.max() + " " + n.mean() + " " + n.std() + " " + Arrays.toString(n.quantiles()) + " "
                + Arrays.toString(n.histogramEdges()) + " " + Arrays.toString(n.histogramCounts());
    }
}
