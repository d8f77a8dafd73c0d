package dev.cairn.plugin.sacred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.RunStatus;
import dev.cairn.plugin.importer.ImportClaim;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both Sacred fixtures, every metric point checked against the raw metrics.json. */
class SacredFixturesTest {
    private static final Path TGNE = Fixtures.get("sacred/aida-ugent__tgne/my_runs");
    private static final Path IRIS = Fixtures.get("sacred/joefarrington__cdt_sacred_example/my_runs");
    private final SacredImporter importer = new SacredImporter();

    private List<ImportedRun> importFrom(Path path, RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(path, new CollectingSink(runs), context);
        return runs;
    }

    @Test
    void probes() {
        assertThat(importer.probe(TGNE)).isGreaterThanOrEqualTo(0.85);
        assertThat(importer.probe(TGNE.resolve("3"))).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(TGNE.resolve("_sources"))).isZero();
        assertThat(importer.probe(Fixtures.get("hf_trainer"))).isZero();
    }

    @Test
    void claimsRunFolders() {
        assertThat(importer.claim(TGNE.resolve("3"))).isEqualTo(ImportClaim.run(0.95));
        assertThat(importer.claim(TGNE)).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(TGNE.resolve("_sources"))).isEqualTo(ImportClaim.NONE);
    }

    @Test
    void tgneRunsMatchTheRawFiles() throws Exception {
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = importFrom(TGNE, context);
        assertThat(context.failures).isEmpty();
        assertThat(runs).extracting(ImportedRun::name)
                .containsExactly("tgne 1", "tgne 2", "tgne 3", "tgne 4", "tgne 5", "tgne 6", "tgne 7", "tgne 8");
        ObjectMapper json = new ObjectMapper();
        for (ImportedRun run : runs) {
            Path dir = TGNE.resolve(run.tags().get("sacred.id"));
            JsonNode raw = json.readTree(Files.readString(dir.resolve("run.json")));
            assertThat(run.experiment()).isEqualTo("tgne");
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.startMs()).isEqualTo(utcMillis(raw.get("start_time").asText()));
            assertThat(run.endMs()).isEqualTo(utcMillis(raw.get("stop_time").asText()));
            assertThat(run.sourceCommit()).isEqualTo("8d89446969c0ccc8adcab1d3fb99b867962b7fdb");
            assertThat(run.sourceProgram()).isEqualTo("train.py");
            assertThat(run.tags()).containsEntry("host.hostname", "raphael-Latitude-5501")
                    .containsEntry("git.url", "https://github.com/aida-ugent/tgne.git")
                    .containsEntry("git.dirty", "true").containsEntry("sacred.command", "train")
                    .containsEntry("host.os", "Linux-5.15.0-86-generic-x86_64-with-glibc2.10");
            JsonNode config = json.readTree(Files.readString(dir.resolve("config.json")));
            for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (config.get(key).isValueNode()) {
                    assertThat(run.params()).containsEntry(key, config.get(key).asText());
                }
            }
            JsonNode metrics = json.readTree(Files.readString(dir.resolve("metrics.json")));
            assertThat(run.metrics()).hasSize(metrics.size());
            for (ImportedSeries s : run.metrics()) {
                JsonNode m = metrics.get(s.key());
                assertThat(s.size()).isEqualTo(m.get("values").size());
                for (int i = 0; i < s.size(); i++) {
                    assertThat(s.steps()[i]).isEqualTo(m.get("steps").get(i).asLong());
                    assertThat(s.values()[i]).isEqualTo(m.get("values").get(i).asDouble());
                    assertThat(s.timestamps()[i]).isEqualTo(utcMillis(m.get("timestamps").get(i).asText()));
                }
            }
            List<String> artifacts = new ArrayList<>();
            raw.get("artifacts").forEach(a -> artifacts.add(a.asText()));
            assertThat(run.artifacts()).extracting(Artifact::path).containsExactlyElementsOf(artifacts);
        }
        ImportedRun eight = runs.get(7);
        assertThat(eight.metrics().stream().mapToInt(ImportedSeries::size).sum()).isEqualTo(800);
        // the checkpoint named in run.json was left out of the fixture: listed, size unknown
        assertThat(eight.artifacts()).containsExactly(new Artifact("tgne_highschool_200.ckpt", null));
        assertThat(runs.get(0).params()).containsEntry("seed", "786502743");
    }

    @Test
    void irisRunListsThePickleAndHasNoSeries() throws Exception {
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = importFrom(IRIS.resolve("1"), context);
        assertThat(runs).hasSize(1);
        ImportedRun run = runs.get(0);
        assertThat(run.experiment()).isEqualTo("iris_example");
        assertThat(run.metrics()).isEmpty();
        assertThat(run.artifacts()).containsExactly(new Artifact("gs_result.pkl",
                Files.size(IRIS.resolve("1/gs_result.pkl"))));
        assertThat(run.artifactUri()).isEqualTo(IRIS.resolve("1").toAbsolutePath().toUri().toString());
        assertThat(run.params()).containsEntry("MODEL_DIR", "./tmp").containsEntry("parameters.C", "[1,10]")
                .containsEntry("parameters.kernel", "[\"linear\",\"rbf\"]").containsEntry("seed", "638422956");
        assertThat(run.tags()).containsEntry("host.hostname", "Joes-MBP")
                .containsEntry("host.python_version", "3.7.6").containsEntry("git.dirty", "false");
        assertThat(run.sourceCommit()).isEqualTo("8ffda498938a16c656fe5debecd07823c08ad382");
        assertThat(run.startMs()).isEqualTo(utcMillis("2020-05-14T17:27:30.695475"));
        // the same run found from the store folder has the same id
        assertThat(importFrom(IRIS, new RecordingContext()).get(0).id()).isEqualTo(run.id());
    }

    static long utcMillis(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
