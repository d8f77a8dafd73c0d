package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real dvclive samples (0.x and 1.x/2.0 layouts), imported into a real store and checked against the raw files. */
class DvcLiveFixturesTest {
    private static final String V2 = "dvclive/CaroCardozo__example-dvc-experiments";
    private static final String V0 = "dvclive/diaofeng698__dvc_statefarm";

    @TempDir
    Path tmp;

    @Test
    void plotsMetricsLayoutWithPrefixedHeaders() throws Exception {
        Path root = Fixtures.get(V2);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            assertThat(new DvcLiveImporter().probe(root)).isGreaterThan(0.8);
            new DvcLiveImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(ctx.warnings).isEmpty();
            assertThat(sink.written).singleElement().extracting(ImportedRun::name).isEqualTo("dvclive");
            String id = DvcLiveImporter.runId("CaroCardozo__example-dvc-experiments", "dvclive");
            assertThat(sink.written.get(0).id()).isEqualTo(id);
            assertThat(store.runs().params(id)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("train.epochs", "10", "model.conv_units", "24"));
            Map<String, MetricSummary> stored = store.metrics().summaries(id);
            assertThat(stored.keySet()).containsExactlyInAnyOrder("train/acc", "train/loss", "eval/acc", "eval/loss");
            JsonNode summary = new ObjectMapper().readTree(root.resolve("dvclive/metrics.json").toFile());
            for (String key : stored.keySet()) {
                String[] parts = key.split("/");
                List<String> lines = Files.readAllLines(root.resolve("dvclive/plots/metrics/" + key + ".tsv"));
                assertThat(lines.get(0)).isEqualTo("step\t" + key); // the prefixed header
                MetricSummary s = stored.get(key);
                assertThat(s.count()).as(key).isEqualTo(lines.size() - 1).isEqualTo(10);
                assertThat(s.lastStep()).isEqualTo(summary.get("step").asLong()).isEqualTo(9);
                assertThat(s.last()).as(key).isEqualTo(summary.get(parts[0]).get(parts[1]).asDouble());
                double min = lines.subList(1, lines.size()).stream()
                        .mapToDouble(l -> Double.parseDouble(l.split("\t")[1])).min().orElseThrow();
                double max = lines.subList(1, lines.size()).stream()
                        .mapToDouble(l -> Double.parseDouble(l.split("\t")[1])).max().orElseThrow();
                assertThat(s.min()).as(key).isEqualTo(min);
                assertThat(s.max()).as(key).isEqualTo(max);
            }
        }
    }

    @Test
    void scalarsLayoutWithTimestampsAndRootSummary() throws Exception {
        Path root = Fixtures.get(V0);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new DvcLiveImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(sink.written).singleElement().extracting(ImportedRun::name).isEqualTo("dvclive");
            String id = DvcLiveImporter.runId("diaofeng698__dvc_statefarm", "dvclive");
            assertThat(store.runs().params(id)).containsExactlyInAnyOrderEntriesOf(Map.of("learning_rate", "0.0015",
                    "batch_size", "64", "epochs", "2", "stopping_patience", "10", "classes", "10"));
            Map<String, MetricSummary> stored = store.metrics().summaries(id);
            assertThat(stored.keySet()).containsExactlyInAnyOrder("train/loss", "train/sparse_categorical_accuracy",
                    "eval/loss", "eval/sparse_categorical_accuracy");
            JsonNode summary = new ObjectMapper().readTree(root.resolve("dvclive.json").toFile());
            for (String key : stored.keySet()) {
                String[] parts = key.split("/");
                assertThat(stored.get(key).count()).isEqualTo(2);
                assertThat(stored.get(key).last()).as(key).isEqualTo(summary.get(parts[0]).get(parts[1]).asDouble());
            }
            MetricSeries loss = store.metrics().read(id, "train/loss");
            List<String> raw = Files.readAllLines(root.resolve("dvclive/scalars/train/loss.tsv"));
            assertThat(loss.timestamps()).containsExactly(Long.parseLong(raw.get(1).split("\t")[0]),
                    Long.parseLong(raw.get(2).split("\t")[0].strip()));
            assertThat(loss.values()).containsExactly(1.374739408493042, 0.4551042318344116);
            Run run = store.runs().require(id);
            assertThat(run.startMs()).isEqualTo(1658141683870L);
            assertThat(run.endMs()).isEqualTo(1658141749093L);
        }
    }

    @Test
    void importingTwiceKeepsIdsAndAddsNothing() throws Exception {
        for (String fixture : List.of(V0, V2)) {
            try (TrackingStore store = TrackingStore.open(tmp.resolve(fixture.replace('/', '_') + ".db"))) {
                StoreSink first = new StoreSink(store);
                new DvcLiveImporter().importFrom(Fixtures.get(fixture), first, new RecordingContext());
                StoreSink second = new StoreSink(store);
                new DvcLiveImporter().importFrom(Fixtures.get(fixture), second, new RecordingContext());
                assertThat(first.outcomes).containsExactly(ImportSink.Outcome.ADDED);
                assertThat(second.outcomes).containsExactly(ImportSink.Outcome.UNCHANGED);
                assertThat(second.written.get(0).id()).isEqualTo(first.written.get(0).id());
            }
        }
    }

    @Test
    void bothFixturesTogetherAreTwoRunsWithDistinctIds() throws Exception {
        List<ImportedRun> runs = new java.util.ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(Fixtures.get("dvclive"), new CollectingSink(runs), ctx);
        assertThat(runs).extracting(ImportedRun::name).containsExactly(
                "CaroCardozo__example-dvc-experiments/dvclive", "diaofeng698__dvc_statefarm/dvclive");
        assertThat(runs.get(0).params()).containsEntry("model.conv_units", "24");
        assertThat(runs.get(1).params()).containsEntry("learning_rate", "0.0015");
    }
}
