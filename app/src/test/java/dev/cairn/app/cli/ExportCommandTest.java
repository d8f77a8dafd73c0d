package dev.cairn.app.cli;

import dev.cairn.app.importing.BundleExport;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.plugin.bundle.BundleImporter;
import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportCommandTest {

    @TempDir
    Path tmp;
    Path source;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void importFixture() {
        source = tmp.resolve("a.db");
        try (TrackingStore a = TrackingStore.open(source)) {
            ImportSummary s = new ImportService(a, List.of(new MlflowFileStoreImporter())).importPaths(
                    List.of(Fixtures.get("mlruns/GregoireJan__breastcancer")), ImportOptions.defaults(),
                    ImportListener.NONE);
            assertThat(s.added()).hasSize(21);
        }
    }

    private int export(String... args) {
        CommandLine cli = new CommandLine(new ExportCommand());
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private ImportSummary importInto(TrackingStore b, Path bundle) {
        return new ImportService(b, List.of(new BundleImporter())).importPaths(List.of(bundle),
                ImportOptions.defaults(), ImportListener.NONE);
    }

    @Test
    void anExperimentWithAFilterGoesToOneBundleThatImportsToTheSameRuns() {
        List<String> expected;
        String experiment;
        try (TrackingStore a = TrackingStore.open(source)) {
            experiment = a.runs().require(a.search().searchAll(RunQuery.all()).get(0).id()).experimentName();
            expected = a.search().searchAll(RunQuery.all().inExperiments(List.of(experiment))
                    .withFilter("attributes.status = 'FINISHED'")).stream().map(Run::id).toList();
        }
        assertThat(expected).isNotEmpty();
        Path bundle = tmp.resolve("finished.cairn.zip");

        int rc = export("--store", source.toString(), "--experiment", experiment, "--filter",
                "attributes.status = 'FINISHED'", "--out", bundle.toString());

        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("exported " + expected.size() + " run");
        try (TrackingStore a = TrackingStore.open(source); TrackingStore b = TrackingStore.open(tmp.resolve("b.db"))) {
            ImportSummary s = importInto(b, bundle);
            assertThat(s.failed()).isEmpty();
            assertThat(s.added()).containsExactlyInAnyOrderElementsOf(expected);
            for (String id : expected) {
                Run ra = a.runs().require(id);
                assertThat(b.runs().require(id)).usingRecursiveComparison()
                        .ignoringFields("experimentId", "changeSeq", "parentId").isEqualTo(ra);
                assertThat(b.runs().require(id).parentId())
                        .isEqualTo(expected.contains(ra.parentId()) ? ra.parentId() : null);
                assertThat(b.metrics().summaries(id)).isEqualTo(a.metrics().summaries(id));
            }
        }
    }

    @Test
    void runIdsWithProgressAndClearErrors() throws Exception {
        Path bundle = tmp.resolve("two.cairn.zip");
        List<Double> progress = new ArrayList<>();
        String other;
        try (TrackingStore a = TrackingStore.open(source)) {
            other = a.search().searchAll(RunQuery.all()).get(0).id();
            assertThat(BundleExport.write(a, List.of(other, other), bundle, progress::add)).isEqualTo(1);
            assertThat(progress).containsExactly(1.0);
            assertThatThrownBy(() -> BundleExport.write(a, List.of("0123456789abcdef0123456789abcdef"),
                    tmp.resolve("x.cairn.zip"), f -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0123456789abcdef0123456789abcdef");
            assertThatThrownBy(() -> BundleExport.write(a, List.of(), bundle, f -> { }))
                    .hasMessageContaining("no runs");
        }
        assertThat(Files.exists(tmp.resolve("x.cairn.zip"))).isFalse();

        int missing = export("--store", source.toString(), "--run", "0123456789abcdef0123456789abcdef", "--out",
                tmp.resolve("y.cairn.zip").toString());
        int neither = export("--store", source.toString(), "--out", bundle.toString());
        int filterAlone = export("--store", source.toString(), "--run", other, "--filter", "x", "--out",
                bundle.toString());

        assertThat(missing).isEqualTo(1);
        assertThat(neither).isEqualTo(2);
        assertThat(filterAlone).isEqualTo(2);
        assertThat(err.toString()).contains("0123456789abcdef0123456789abcdef").doesNotContain("\tat ");
        assertThat(Files.exists(tmp.resolve("y.cairn.zip"))).isFalse();

        try (TrackingStore a = TrackingStore.open(source); TrackingStore b = TrackingStore.open(tmp.resolve("c.db"))) {
            importInto(b, bundle);
            for (String key : a.metrics().summaries(other).keySet()) {
                MetricSeries sa = a.metrics().read(other, key);
                MetricSeries sb = b.metrics().read(other, key);
                assertThat(sb.steps()).isEqualTo(sa.steps());
                assertThat(sb.values()).isEqualTo(sa.values());
            }
        }
    }
}
