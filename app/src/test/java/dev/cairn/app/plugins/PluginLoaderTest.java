package dev.cairn.app.plugins;

import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PluginLoaderTest {
    private static final String SERVICES = "META-INF/services/dev.cairn.plugin.importer.RunImporter";

    @TempDir
    Path tmp;

    @Test
    void builtInsAreFoundOnTheClassPath() {
        PluginRegistry registry = PluginLoader.load(tmp.resolve("no-such-folder"), getClass().getClassLoader());

        assertThat(registry.importers()).extracting(RunImporter::id).contains("mlflow-file", "mlflow-sqlite")
                .doesNotContain("sample-tally");
        assertThat(registry.statuses()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PluginStatus.State.LOADED);
            assertThat(s.source()).isEqualTo(PluginStatus.BUILT_IN);
        });
    }

    @Test
    void theSampleExternalPluginLoadsFromThePluginFolderAndImports() throws Exception {
        Path plugins = tmp.resolve("plugins");
        PluginJars.buildModule(PluginJars.sampleExternalModule(), tmp.resolve("work"),
                plugins.resolve("sample-external.jar"), "1.1");
        Path tally = Files.writeString(tmp.resolve("warmup.tally"), "# metric step value\nloss 0 1.5\nloss 1 0.75\n"
                + "acc 1 0.5\n");

        PluginRegistry registry = PluginLoader.load(plugins, getClass().getClassLoader());

        RunImporter sample = registry.importers().stream().filter(i -> i.id().equals("sample-tally")).findFirst()
                .orElseThrow();
        assertThat(sample.getClass().getClassLoader()).as("guarded").isEqualTo(getClass().getClassLoader());
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("sample-tally");
            assertThat(s.version()).isEqualTo("0.1.0");
            assertThat(s.source()).endsWith("sample-external.jar");
            assertThat(s.state()).isEqualTo(PluginStatus.State.LOADED);
        });
        dev.cairn.plugin.drift.DriftTest meanShift = registry.driftTests().stream()
                .filter(t -> t.id().equals("mean-shift")).findFirst().orElseThrow();
        assertThat(registry.driftTests()).extracting(dev.cairn.plugin.drift.DriftTest::id)
                .contains("ks", "chisquare", "wasserstein", "jensenshannon", "psi", "mean-shift");
        var shifted = meanShift.test(dev.cairn.plugin.drift.ColumnSample.numeric("x", new double[] {0, 1, 2, 3}),
                dev.cairn.plugin.drift.ColumnSample.numeric("x", new double[] {3, 4, 5, 6}), 0.5);
        assertThat(shifted.drifted()).isTrue();
        assertThat(shifted.pValue()).isNull();
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("mean-shift");
            assertThat(s.source()).endsWith("sample-external.jar");
            assertThat(s.state()).isEqualTo(PluginStatus.State.LOADED);
        });
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            ImportService service = new ImportService(store, registry.importers());
            ImportSummary s = service.importPaths(List.of(tally), ImportOptions.defaults(), ImportListener.NONE);
            assertThat(s.sources()).singleElement().extracting(ImportSummary.Source::importerId)
                    .isEqualTo("sample-tally");
            assertThat(s.added()).hasSize(1);
            String id = s.added().get(0);
            assertThat(store.runs().require(id).name()).isEqualTo("warmup");
            assertThat(store.metrics().read(id, "loss").values()).containsExactly(1.5, 0.75);
            assertThat(store.runs().provenance(id).orElseThrow().writer()).isEqualTo("sample-tally");
        }
    }

    @Test
    void brokenPluginsAreReportedAndNeverTakeTheAppDown() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path work = tmp.resolve("work");
        PluginJars.build(Map.of(), Map.of(SERVICES, "com.example.Missing\n"), work, plugins.resolve("a-missing.jar"),
                null);
        PluginJars.build(Map.of("Throwing.java", throwingImporter()), Map.of(SERVICES, "Throwing\n"), work,
                plugins.resolve("b-throwing.jar"), "1.0");
        PluginJars.build(Map.of(), Map.of("readme.txt", "no services here"), work, plugins.resolve("c-empty.jar"),
                null);
        PluginJars.buildModule(PluginJars.sampleExternalModule(), work, plugins.resolve("d-future.jar"), "2.0");
        Files.writeString(plugins.resolve("e-garbage.jar"), "not a zip");

        PluginRegistry registry = PluginLoader.load(plugins, getClass().getClassLoader());

        assertThat(registry.importers()).extracting(RunImporter::id).contains("mlflow-file", "throwing")
                .doesNotContain("sample-tally");
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.source()).endsWith("a-missing.jar");
            assertThat(s.state()).isEqualTo(PluginStatus.State.FAILED);
            assertThat(s.error()).contains("com.example.Missing");
        });
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.source()).endsWith("c-empty.jar");
            assertThat(s.error()).contains("no importer or drift test in the jar");
        });
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.source()).endsWith("d-future.jar");
            assertThat(s.state()).isEqualTo(PluginStatus.State.INCOMPATIBLE);
            assertThat(s.error()).contains("plugin API 2.0");
        });
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.source()).endsWith("e-garbage.jar");
            assertThat(s.state()).isEqualTo(PluginStatus.State.FAILED);
        });

        Path file = Files.writeString(tmp.resolve("x.boom"), "boom");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            ImportService service = new ImportService(store, registry.importers());
            ImportSummary s = service.importPaths(List.of(file), new ImportOptions("throwing", null, false),
                    ImportListener.NONE);
            assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("the plugin Throwing 9 failed").contains("kaboom"));
            assertThat(service.detect(file)).isEmpty();
        }
        assertThat(registry.statuses()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("throwing");
            assertThat(s.state()).isEqualTo(PluginStatus.State.FAILED);
            assertThat(s.error()).contains("kaboom");
        });
        assertThat(registry.importers()).extracting(RunImporter::id).doesNotContain("throwing");
    }

    private static String throwingImporter() {
        return """
                import dev.cairn.plugin.importer.*;
                import java.nio.file.Path;
                public class Throwing implements RunImporter {
                    public String id() { return "throwing"; }
                    public String displayName() { return "Throwing"; }
                    public String version() { return "9"; }
                    public double probe(Path p) { throw new IllegalStateException("kaboom in probe"); }
                    public void importFrom(Path p, ImportSink s, ImportContext c) {
                        throw new IllegalStateException("kaboom");
                    }
                }
                """;
    }
}
