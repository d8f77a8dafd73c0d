package dev.cairn.app.importing;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.plugin.support.ZipLimits;
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

    /** A real zip bomb: the Sacred runs of a fixture, then {@code p/zz/bomb.bin}, {@code mib} MiB of zeros deflated. */
    private Path bomb(Path zip, int mib) throws IOException {
        Path project = tmp.resolve("src/p");
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Path plain = zip(project, tmp.resolve("plain.zip"), false);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(plain.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("p/zz/bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return zip;
    }

    /** Rewrites the uncompressed size the central directory declares for {@code entry}. */
    private static void declareSize(Path zip, String entry, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= bytes.length; at++) {
            if (b.getInt(at) == 0x02014b50 && (b.getShort(at + 28) & 0xffff) == name.length
                    && java.util.Arrays.equals(bytes, at + 46, at + 46 + name.length, name, 0, name.length)) {
                b.putInt(at + 24, size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new AssertionError(entry + " not in " + zip);
    }

    private ImportSummary importWithLimits(Path db, Path zip, ZipLimits limits, Path temp) {
        try (TrackingStore store = TrackingStore.open(db)) {
            return new ImportService(store, PluginLoader.loadDefault().importers(), new ZipExpander(limits, temp))
                    .importPaths(List.of(zip), ImportOptions.defaults(), ImportListener.NONE);
        }
    }

    private static List<Path> leftIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aZipBombIsRefusedNamingTheEntryAndNothingIsStoredOrLeftBehind() throws Exception {
        Path zip = bomb(tmp.resolve("bomb.zip"), 64);
        assertThat(Files.size(zip)).isLessThan(200_000); // 64 MiB in well under 200 KB
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        ImportSummary s = importWithLimits(tmp.resolve("a.db"), zip, ZipLimits.DEFAULT, temp);
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(zip.toString());
            assertThat(f.message()).matches(java.util.regex.Pattern.quote(zip + ": entry 'p/zz/bomb.bin' unpacks to "
                    + "more than 200 times its compressed ") + "[0-9.]+ KiB, a zip bomb; if you trust it, unzip it "
                    + "yourself and import the folder");
        });
        assertThat(runIds(tmp.resolve("a.db"))).isEmpty();
        assertThat(leftIn(temp)).isEmpty();
    }

    @Test
    void anEntryIsCountedAsItUnpacksNotTakenFromItsHeader() throws Exception {
        Path zip = bomb(tmp.resolve("liar.zip"), 64);
        declareSize(zip, "p/zz/bomb.bin", 1000); // the headers now say 1000 bytes: the check up front passes
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        ImportSummary s = importWithLimits(tmp.resolve("a.db"), zip, ZipLimits.DEFAULT, temp);
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(zip
                + ": entry 'p/zz/bomb.bin' unpacks to more than the 1000 bytes the archive declares (corrupt, or a "
                + "zip bomb)"));
        assertThat(runIds(tmp.resolve("a.db"))).isEmpty();
        assertThat(leftIn(temp)).isEmpty();
    }

    @Test
    void theLimitsOfAllBytesOneEntryAndEntriesEachRefuseNamingTheEntry() throws Exception {
        Path zip = bomb(tmp.resolve("b.zip"), 2);
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        String trust = "; if you trust it, unzip it yourself and import the folder";
        // all bytes: 1.5 MiB in all, the 2 MiB entry crosses it
        assertThat(importWithLimits(tmp.resolve("a.db"), zip, new ZipLimits(3L << 19, 1L << 30, 1000, 10_000, 0),
                temp).failed()).singleElement().extracting(ImportSummary.Failure::message)
                .isEqualTo(zip + ": unpacks to more than 1.5 MiB in all (at entry 'p/zz/bomb.bin')" + trust);
        // one entry: 1 MiB
        assertThat(importWithLimits(tmp.resolve("a.db"), zip, new ZipLimits(1L << 30, 1L << 20, 1000, 10_000, 0),
                temp).failed()).singleElement().extracting(ImportSummary.Failure::message)
                .isEqualTo(zip + ": entry 'p/zz/bomb.bin' unpacks to more than 1.0 MiB, the limit for one entry"
                        + trust);
        // entries: 3 (the zip holds folders p/, p/my_runs/, ... first)
        assertThat(importWithLimits(tmp.resolve("a.db"), zip, new ZipLimits(1L << 30, 1L << 30, 3, 10_000, 0),
                temp).failed()).singleElement().extracting(ImportSummary.Failure::message).asString()
                .matches(java.util.regex.Pattern.quote(zip + ": more than 3 entries (at entry '") + "p/[^']+'\\)"
                        + java.util.regex.Pattern.quote(trust));
        // the same limits and the same bytes with honest ratios import: only the Sacred runs
        ImportSummary ok = importWithLimits(tmp.resolve("a.db"), zip,
                new ZipLimits(1L << 30, 1L << 30, 1000, 10_000, 0), temp);
        assertThat(ok.failed()).isEmpty();
        assertThat(ok.added()).isNotEmpty();
        assertThat(runIds(tmp.resolve("a.db"))).hasSameSizeAs(ok.added());
        assertThat(leftIn(temp)).isEmpty();
    }

    @Test
    void entriesSharingTheirCompressedBytesAreRefusedByTheRatioOfTheWholeArchive() throws Exception {
        // an overlapping zip bomb: 100 central directory entries all pointing at one deflated 512 KiB of zeros,
        // each entry within the ratio for one entry, the archive far past it
        Path zip = tmp.resolve("overlap.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("p/000.bin"));
            out.write(new byte[512 * 1024]);
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = bytes.length - 22;
        assertThat(b.getInt(eocd)).isEqualTo(0x06054b50);
        int cd = b.getInt(eocd + 16);
        byte[] record = java.util.Arrays.copyOfRange(bytes, cd, eocd);
        java.io.ByteArrayOutputStream rebuilt = new java.io.ByteArrayOutputStream();
        rebuilt.write(bytes, 0, cd);
        for (int i = 0; i < 100; i++) {
            byte[] name = String.format("p/%03d.bin", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, record, 46, name.length);
            rebuilt.write(record);
        }
        byte[] end = java.util.Arrays.copyOfRange(bytes, eocd, bytes.length);
        java.nio.ByteBuffer e = java.nio.ByteBuffer.wrap(end).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        e.putShort(8, (short) 100).putShort(10, (short) 100).putInt(12, record.length * 100);
        rebuilt.write(end);
        Files.write(zip, rebuilt.toByteArray());

        Path temp = Files.createDirectories(tmp.resolve("temp"));
        ImportSummary s = importWithLimits(tmp.resolve("a.db"), zip, new ZipLimits(1L << 30, 1L << 30, 1000, 2000,
                1L << 20), temp);
        assertThat(s.failed()).singleElement().extracting(ImportSummary.Failure::message).asString()
                .matches(java.util.regex.Pattern.quote(zip + ": unpacks to more than 2000 times its ")
                        + "[0-9.]+ KiB \\(at entry 'p/0[0-9]{2}\\.bin'\\), a zip bomb; if you trust it, unzip it "
                        + "yourself and import the folder");
        assertThat(leftIn(temp)).isEmpty();
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
