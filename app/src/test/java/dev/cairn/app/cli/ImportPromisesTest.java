package dev.cairn.app.cli;

import dev.cairn.app.importing.Fixtures;
import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cairn import` and store opening promise: atomicity, errors on stderr, files never touched when refused. */
class ImportPromisesTest {
    @TempDir
    Path tmp;

    private Path kerasFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(dir.resolve("good.csv"), "epoch,loss\n0,0.9\n1,0.8\n");
        Files.writeString(dir.resolve("bad.csv"), "epoch,loss\n0,0.9\n1,oops\n2,0.7\n");
        return dir;
    }

    private static long runs(Path store) {
        try (TrackingStore s = TrackingStore.open(store)) {
            return s.runsChangedSince(0).size();
        }
    }

    @Test
    void aPartlyFailedImportStoresTheRestNamesEachFailureOnStderrAndExitsOne() throws Exception {
        Path dir = kerasFolder();
        Path store = tmp.resolve("s.db");
        CliRunner.Result r = CliRunner.run("import", "--store", store.toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("failed: " + dir.resolve("bad.csv") + ": line 3: column 'loss': 'oops'")
                .contains("2 added, 0 updated, 0 skipped, 1 failed"); // good.csv and the parent run "logs" of the two
        assertThat(r.out()).doesNotContain("failed:");
        assertThat(runs(store)).isEqualTo(2);
    }

    @Test
    void anAtomicImportStoresNothingWhenAnythingFails() throws Exception {
        Path dir = kerasFolder();
        Path store = tmp.resolve("s.db");
        TrackingStore.open(store).close();
        CliRunner.Result r = CliRunner.run("import", "--atomic", "--store", store.toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("0 added").contains("1 failed").contains("--atomic: nothing was imported because 1 source failed");
        assertThat(runs(store)).isZero();
        Files.delete(dir.resolve("bad.csv"));
        CliRunner.Result ok = CliRunner.run("import", "--atomic", "--store", store.toString(), dir.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(runs(store)).isEqualTo(1);
    }

    @Test
    void aReadOnlyStoreIsRefusedOnceUpFront() throws Exception {
        Path store = tmp.resolve("s.db");
        TrackingStore.open(store).close();
        CliRunner.Result r = CliRunner.run("import", "--read-only", "--store", store.toString(),
                Fixtures.get("mlruns/GregoireJan__breastcancer").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("read-only").contains("nothing imported");
    }

    @Test
    void aFailedImportIntoAMissingStoreLeavesNoFileAndATypoedFolderIsNotCreated() throws Exception {
        Path store = tmp.resolve("new.db");
        CliRunner.Result r = CliRunner.run("import", "--store", store.toString(), Files.createDirectories(
                tmp.resolve("empty")).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(store).doesNotExist();
        assertThat(Path.of(store + "-wal")).doesNotExist();

        Path typo = tmp.resolve("no/such/dir/s.db");
        CliRunner.Result t = CliRunner.run("runs", "--store", typo.toString());
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err().strip().lines()).singleElement().asString().contains("No folder");
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    @Test
    void aForeignDatabaseIsNeverChangedWhenRefused() throws Exception {
        Path foreign = tmp.resolve("mlflow.db");
        Files.copy(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db"), foreign);
        byte[] before = Files.readAllBytes(foreign);
        CliRunner.Result r = CliRunner.run("runs", "--store", foreign.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a Cairn store").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(foreign)).as("file bytes").isEqualTo(before);
        assertThat(Path.of(foreign + "-wal")).doesNotExist();
    }

    @Test
    void everyStoreOpenErrorIsOneLine() throws Exception {
        Path negative = tmp.resolve("neg.db");
        TrackingStore.open(negative).close();
        setUserVersion(negative, -1);
        Path reset = tmp.resolve("reset.db");
        TrackingStore.open(reset).close();
        setUserVersion(reset, 0);
        byte[] resetBytes = Files.readAllBytes(reset);
        for (Path store : List.of(negative, reset)) {
            CliRunner.Result r = CliRunner.run("runs", "--store", store.toString());
            assertThat(r.code()).as(store.toString()).isEqualTo(1);
            assertThat(r.err().strip().lines()).as(r.err()).singleElement().asString().contains(store.toString())
                    .contains("schema version");
        }
        assertThat(Files.readAllBytes(reset)).isEqualTo(resetBytes);
    }

    private static void setUserVersion(Path db, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("PRAGMA user_version = " + version);
        }
    }

    @Test
    void aMalformedFilterIsAUsageError() {
        Path store = tmp.resolve("s.db");
        TrackingStore.open(store).close();
        CliRunner.Result r = CliRunner.run("runs", "--store", store.toString(), "--filter", "metrics.loss < ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--filter").doesNotContain("\tat ");
    }

    @Test
    void aFolderHoldingOnlyMlflowDbIsRecognised() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.copy(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db"), dir.resolve("mlflow.db"));
        Path store = tmp.resolve("s.db");
        CliRunner.Result r = CliRunner.run("import", "--store", store.toString(), dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("7 added");
    }

    @Test
    void twoConcurrentImportsOfTheSameFolderReportNoSpuriousFailure() throws Exception {
        Path store = tmp.resolve("s.db");
        TrackingStore.open(store).close();
        Path source = Fixtures.get("mlruns/GregoireJan__breastcancer");
        CyclicBarrier start = new CyclicBarrier(2);
        List<ImportSummary> summaries = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try (TrackingStore s = TrackingStore.open(store)) { // one store per thread: as two processes do
                    ImportService service = new ImportService(s, PluginLoader.loadDefault().importers());
                    start.await();
                    summaries.add(service.importPaths(List.of(source), ImportOptions.defaults(), ImportListener.NONE));
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(errors).isEmpty();
        for (ImportSummary s : summaries) {
            assertThat(s.failed()).isEmpty();
            assertThat(s.added().size() + s.updated().size() + s.unchanged().size()).isEqualTo(21);
        }
        assertThat(runs(store)).isEqualTo(21);
    }
}
