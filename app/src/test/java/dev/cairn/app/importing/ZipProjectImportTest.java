package dev.cairn.app.importing;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zip of a project is walked like the project folder: each sub-tree goes to its importer, listed as
 * {@code project.zip/...}; the runs are those of the folder dropped unzipped, and importing again changes nothing.
 * A file that is not a zip, a cut zip and a corrupt entry are one clear failure naming the zip.
 */
class ZipProjectImportTest {
    @TempDir
    Path tmp;

    private Path project() {
        Path project = tmp.resolve("src/project");
        Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow/mlruns", project.resolve("mlruns"));
        Fixtures.copy("lightning_csv/Awritrojit__AIOPS_learning_mnist/lightning_logs/version_4",
                project.resolve("lightning_logs/version_4"));
        Fixtures.copy("dvclive/CaroCardozo__example-dvc-experiments/dvclive", project.resolve("reports/eval/dvclive"));
        Fixtures.copy("hf_trainer/P4P4N1CK__whisper-large-v2-japanese-5k-steps", project.resolve("outputs/seed_0"));
        Fixtures.copy("hf_trainer/tasfiahmrinmoyee__Gemma3-1B-Instruct-outputs", project.resolve("outputs/seed_1"));
        Fixtures.copy("optuna/LukeCPadmore__flow-matching-mnist", project.resolve("study"));
        return project;
    }

    /** Zips {@code dir} with its own folder name as the top entry, entries stored (not deflated) when asked. */
    private static Path zip(Path dir, Path zip, boolean stored) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = dir.getParent().relativize(f).toString().replace('\\', '/');
                if (Files.isDirectory(f)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    byte[] bytes = Files.readAllBytes(f);
                    ZipEntry e = new ZipEntry(name);
                    if (stored) {
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        e.setMethod(ZipEntry.STORED);
                        e.setSize(bytes.length);
                        e.setCompressedSize(bytes.length);
                        e.setCrc(crc.getValue());
                    }
                    out.putNextEntry(e);
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    private static ImportSummary importInto(Path db, Path path, ImportOptions options) {
        try (TrackingStore store = TrackingStore.open(db)) {
            return new ImportService(store, PluginLoader.loadDefault().importers())
                    .importPaths(List.of(path), options, ImportListener.NONE);
        }
    }

    private static Set<String> runIds(Path db) {
        try (TrackingStore store = TrackingStore.open(db)) {
            return new HashSet<>(store.runsChangedSince(0));
        }
    }

    @Test
    void aZippedProjectIsWalkedLikeTheFolderAndReimportChangesNothing() throws Exception {
        Path project = project();
        Path zip = zip(project, tmp.resolve("project.zip"), false);

        ImportSummary dry = importInto(tmp.resolve("dry.db"), zip, new ImportOptions(null, null, true));
        assertThat(dry.failed()).isEmpty();
        Map<String, String> found = dry.sources().stream().collect(Collectors.toMap(ImportSummary.Source::path,
                s -> s.importerId() + ":" + s.runs()));
        String in = zip + "/project/";
        assertThat(found).containsOnly(
                Map.entry(in + "mlruns", "mlflow-file:2"),
                Map.entry(in + "lightning_logs/version_4", "lightning-csv:1"),
                Map.entry(in + "reports/eval/dvclive", "dvclive:1"),
                Map.entry(in + "outputs/seed_0", "hf-trainer:1"),
                Map.entry(in + "outputs/seed_1", "hf-trainer:1"),
                Map.entry(in + "study/optuna.db", "optuna:106"));
        assertThat(dry.sources()).filteredOn(s -> s.path().contains("seed_")).extracting(ImportSummary.Source::group)
                .containsOnly(in + "outputs");

        Path fromZip = tmp.resolve("zip.db");
        ImportSummary first = importInto(fromZip, zip, ImportOptions.defaults());
        assertThat(first.failed()).isEmpty();
        assertThat(first.added()).hasSize(112 + 1); // the sources' runs and the parent run 'outputs'
        ImportSummary again = importInto(fromZip, zip, ImportOptions.defaults());
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(again.unchanged()).hasSize(113);

        // the same runs (same ids, same experiment names) as the folder dropped unzipped
        Path fromFolder = tmp.resolve("folder.db");
        assertThat(importInto(fromFolder, project, ImportOptions.defaults()).failed()).isEmpty();
        assertThat(runIds(fromZip)).isEqualTo(runIds(fromFolder));
    }

    @Test
    void aZipWithoutATopFolderIsTheProjectNamedAfterTheZip() throws Exception {
        Path project = tmp.resolve("src/runs");
        Fixtures.copy("sacred/aida-ugent__tgne/my_runs", project.resolve("my_runs"));
        Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));
        // entries at the zip's top level: my_runs/..., wandb/...
        Path zip = tmp.resolve("runs.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw);
             Stream<Path> files = Files.walk(project)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(project.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        ImportSummary s = importInto(tmp.resolve("a.db"), zip, ImportOptions.defaults());
        assertThat(s.failed()).isEmpty();
        assertThat(s.sources()).extracting(ImportSummary.Source::path).contains(zip + "/my_runs/1",
                zip + "/wandb/run-20230329_020146-ruzz7bps");
        assertThat(s.added()).hasSize(8 + 1 + 1); // 8 Sacred runs, their parent 'my_runs', the W&B run
    }

    @Test
    void aFileThatIsNotAZipIsOneFailureNamingIt() throws Exception {
        Path zip = Files.writeString(tmp.resolve("notes.zip"), "these are not the bytes of a zip\n");
        ImportSummary s = importInto(tmp.resolve("a.db"), zip, ImportOptions.defaults());
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(zip.toString());
            assertThat(f.message()).isEqualTo(zip + ": not a zip archive, or cut short (zip END header not found)");
        });
    }

    @Test
    void aCutZipIsOneFailureNamingItAndNothingIsImported() throws Exception {
        Path whole = zip(project(), tmp.resolve("whole.zip"), false);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ImportSummary s = importInto(tmp.resolve("a.db"), cut, ImportOptions.defaults());
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith(cut + ": not a zip archive, or cut short (").doesNotContain("\n"));
        assertThat(runIds(tmp.resolve("a.db"))).isEmpty();
    }

    @Test
    void aCorruptEntryIsOneFailureNamingTheZipAndTheEntry() throws Exception {
        Path project = tmp.resolve("src/p");
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Path zip = zip(project, tmp.resolve("p.zip"), true);
        // flip one byte inside the stored run.json: its CRC-32 no longer matches
        byte[] bytes = Files.readAllBytes(zip);
        byte[] marker = "\"experiment\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(bytes, marker);
        assertThat(at).isPositive();
        bytes[at + 1] ^= 0x20;
        Files.write(zip, bytes);
        ImportSummary s = importInto(tmp.resolve("a.db"), zip, ImportOptions.defaults());
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message())
                .matches(java.util.regex.Pattern.quote(zip + ": entry 'p/my_runs/1/run.json' is corrupt (CRC-32 ")
                        + "[0-9a-f]{8}, the archive says [0-9a-f]{8}\\)"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
