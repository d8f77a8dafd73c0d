package dev.cairn.app.importing;

import dev.cairn.plugin.bundle.BundleExporter;
import dev.cairn.plugin.bundle.BundleImporter;
import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundleRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void exportThenImportGivesTheSameRunsBitForBit() throws Exception {
        Path bundle = tmp.resolve("runs.cairn.zip");
        String parentId;
        String childId;
        double weirdNaN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        try (TrackingStore a = TrackingStore.open(tmp.resolve("a.db"))) {
            Run parent = a.runs().create(NewRun.in("churn").withName("sweep").withStatus(RunStatus.FINISHED)
                    .withTimes(1000L, 5000L).withUser("ana").withSource("train.py", "abc123")
                    .withArtifactUri("file:///tmp/a")
                    .withProvenance(new Provenance("cairn-python", "0.3", "box", "Linux", "17", null, 42L)));
            Run child = a.runs().create(NewRun.in("churn").withName("trial-1").withParent(parent.id())
                    .withStatus(RunStatus.FAILED).withTimes(2000L, 3000L));
            parentId = parent.id();
            childId = child.id();
            a.runs().logParams(parentId, Map.of("lr", "0.1", "layers", "[64, 32]"));
            a.runs().setTags(parentId, Map.of("team", "growth", "mlflow.runName", "sweep"));
            a.runs().setNote(parentId, "the good one");
            a.runs().addInputs(parentId, List.of(new DatasetInput("train", "d1g35t", "s3://b/train.csv", "{}",
                    "training")));
            a.runs().setArtifacts(parentId, "file:///tmp/a", List.of(new Artifact("model/MLmodel", 120L),
                    new Artifact("plots/loss.png", null)));
            a.metrics().append(parentId, "loss", new long[] {0, 1, 2, 3, 3}, new long[] {10, 11, 12, 13, 14},
                    new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, -0.0, weirdNaN});
            a.metrics().append(childId, "val/acc", new long[] {5}, new long[] {50}, new double[] {
                Double.NEGATIVE_INFINITY});
            a.experiments().setDescription("churn", "predict churn");

            assertThat(new BundleExporter(a).export(List.of(childId, parentId), bundle)).isEqualTo(2);

            try (TrackingStore b = TrackingStore.open(tmp.resolve("b.db"))) {
                ImportService service = new ImportService(b, List.of(new MlflowFileStoreImporter(),
                        new BundleImporter()));
                assertThat(service.detect(bundle).get(0).importer().id()).isEqualTo("cairn-bundle");

                ImportSummary s = service.importPaths(List.of(bundle), ImportOptions.defaults(),
                        ImportListener.NONE);

                assertThat(s.failed()).isEmpty();
                assertThat(s.warnings()).isEmpty();
                assertThat(s.added()).containsExactly(parentId, childId);
                for (String id : List.of(parentId, childId)) {
                    Run ra = a.runs().require(id);
                    Run rb = b.runs().require(id);
                    assertThat(rb).usingRecursiveComparison().ignoringFields("experimentId", "changeSeq")
                            .isEqualTo(ra);
                    assertThat(b.runs().params(id)).isEqualTo(a.runs().params(id));
                    assertThat(b.runs().tags(id)).isEqualTo(a.runs().tags(id));
                    assertThat(b.runs().inputs(id)).isEqualTo(a.runs().inputs(id));
                    assertThat(b.runs().artifacts(id)).isEqualTo(a.runs().artifacts(id));
                    assertThat(b.runs().provenance(id)).isEqualTo(a.runs().provenance(id));
                    assertThat(b.metrics().summaries(id)).isEqualTo(a.metrics().summaries(id));
                    for (String key : a.metrics().summaries(id).keySet()) {
                        MetricSeries sa = a.metrics().read(id, key);
                        MetricSeries sb = b.metrics().read(id, key);
                        assertThat(sb.steps()).isEqualTo(sa.steps());
                        assertThat(sb.timestamps()).isEqualTo(sa.timestamps());
                        assertThat(bits(sb.values())).isEqualTo(bits(sa.values()));
                    }
                }
                assertThat(bits(b.metrics().read(parentId, "loss").values())).contains(
                        Double.doubleToRawLongBits(weirdNaN), Double.doubleToRawLongBits(-0.0));
                assertThat(b.experiments().byName("churn").orElseThrow().description()).isEqualTo("predict churn");

                long token = b.changeToken();
                ImportSummary again = service.importPaths(List.of(bundle), ImportOptions.defaults(),
                        ImportListener.NONE);
                assertThat(again.unchanged()).containsExactly(parentId, childId);
                assertThat(b.changeToken()).isEqualTo(token);
            }
        }
    }

    @Test
    void aDamagedBundleIsAStatedErrorAndLeavesTheStoreUnchanged() throws Exception {
        Path bad = Files.write(tmp.resolve("bad.cairn.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        try (TrackingStore b = TrackingStore.open(tmp.resolve("b.db"))) {
            ImportService service = new ImportService(b, List.of(new BundleImporter()));
            ImportSummary s = service.importPaths(List.of(bad), new ImportOptions("cairn-bundle", null, false),
                    ImportListener.NONE);
            assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message()).contains(bad.toString()));
            assertThat(b.runsChangedSince(0)).isEmpty();
        }
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
