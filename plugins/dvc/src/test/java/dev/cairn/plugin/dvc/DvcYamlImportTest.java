package dev.cairn.plugin.dvc;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.cairn.plugin.support.testing.FileTree.copy;
import static dev.cairn.plugin.support.testing.FileTree.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dvc.yaml}'s declared metrics and plots: resolved relative to the dvc.yaml's folder as DVC does, read when no
 * dvclive folder holds them, never read twice, bad files named with their line.
 */
class DvcYamlImportTest {
    private static final String V2 = "dvclive/CaroCardozo__example-dvc-experiments";

    @TempDir
    Path tmp;

    private static Map<String, ImportedSeries> series(ImportedRun run) {
        return run.metrics().stream().collect(Collectors.toMap(ImportedSeries::key, s -> s));
    }

    /** A DVC project whose stage lives in stages/train/: every path of its dvc.yaml is relative to that folder. */
    private Path classicProject() {
        Path project = tmp.resolve("proj");
        Path stage = project.resolve("stages/train");
        write(stage.resolve(DvcYaml.NAME), """
                metrics:
                  - eval/scores.yaml
                plots:
                  - Validation loss:
                      x: step
                      y:
                        logs/val.tsv: [loss]
                  - plots/roc.json:
                      x: fpr
                      y: tpr
                  - plots
                stages:
                  train:
                    cmd: python train.py
                    outs:
                      - model.pkl
                    metrics:
                      - eval/metrics.json:
                          cache: false
                    plots:
                      - logs/train.csv:
                          x: epoch
                """);
        write(stage.resolve("eval/metrics.json"), "{\"acc\": 0.75, \"test\": {\"f1\": 0.5, \"label\": \"x\"}}\n");
        write(stage.resolve("eval/scores.yaml"), "auc: 0.875\n");
        write(stage.resolve("logs/train.csv"), "epoch,loss,acc\n1,0.5,0.25\n2,0.25,0.5\n3,0.125,0.75\n");
        write(stage.resolve("logs/val.tsv"), "step\tloss\tacc\n0\t0.75\t0.1\n10\t0.375\t0.2\n");
        write(stage.resolve("plots/roc.json"), "[{\"fpr\": 0.0, \"tpr\": 0.0}, {\"fpr\": 0.5, \"tpr\": 0.9}]\n");
        write(stage.resolve("plots/confusion.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        // the same names beside the project root: DVC would not read these for stages/train/dvc.yaml
        write(project.resolve("eval/metrics.json"), "{\"acc\": 0.0}\n");
        write(project.resolve("logs/train.csv"), "epoch,loss\n1,9\n");
        write(project.resolve("params.yaml"), "lr: 0.001\n");
        return project;
    }

    @Test
    void declaredMetricsAndPlotsAreReadRelativeToTheDvcYamlsFolder() throws Exception {
        Path project = classicProject();
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);

        assertThat(ctx.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("stages/train");
            assertThat(run.experiment()).isEqualTo("proj");
            assertThat(run.params()).containsExactlyEntriesOf(Map.of("lr", "0.001"));
            Map<String, ImportedSeries> s = series(run);
            // 'loss' is in two declared files: each keeps its file's path; 'acc' of train.csv is a plot, the
            // metrics file's 'acc' is then not a second point; val.tsv's acc is not a y of its plot
            assertThat(s.keySet()).containsExactlyInAnyOrder("logs/train/loss", "logs/val/loss", "acc", "test/f1",
                    "auc");
            assertThat(s.get("logs/train/loss").steps()).containsExactly(1, 2, 3);
            assertThat(s.get("logs/train/loss").values()).containsExactly(0.5, 0.25, 0.125);
            assertThat(s.get("acc").steps()).containsExactly(1, 2, 3);
            assertThat(s.get("acc").values()).containsExactly(0.25, 0.5, 0.75);
            assertThat(s.get("logs/val/loss").steps()).containsExactly(0, 10);
            assertThat(s.get("logs/val/loss").values()).containsExactly(0.75, 0.375);
            assertThat(s.get("test/f1").values()).containsExactly(0.5);
            assertThat(s.get("test/f1").steps()).containsExactly(0);
            assertThat(s.get("auc").values()).containsExactly(0.875);
        });
        Path roc = project.resolve("stages/train/plots/roc.json").toAbsolutePath().normalize();
        assertThat(ctx.warnings).singleElement().asString()
                .startsWith(roc + ": entry 2: x column 'fpr': '0.5' is not a whole number");
    }

    @Test
    void aDvcYamlIsClaimedAsOneRunAndImportedAloneTwiceWithoutChange() throws Exception {
        Path yaml = classicProject().resolve("stages/train/dvc.yaml");
        DvcLiveImporter importer = new DvcLiveImporter();
        assertThat(importer.claim(yaml)).isEqualTo(new ImportClaim(0.95, false, true));
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink first = new StoreSink(store);
            importer.importFrom(yaml, first, new RecordingContext());
            StoreSink second = new StoreSink(store);
            importer.importFrom(yaml, second, new RecordingContext());
            assertThat(first.outcomes).containsExactly(ImportSink.Outcome.ADDED);
            assertThat(second.outcomes).containsExactly(ImportSink.Outcome.UNCHANGED);
            assertThat(first.written.get(0).name()).isEqualTo("train");
        }
    }

    @Test
    void aDvcYamlDeclaringOnlyDvcLiveOutputIsNotClaimedAndNotReadTwice() throws Exception {
        // the real sample: dvclive/metrics.json and dvclive/plots are the dvclive folder's run; 'plots' is not there
        Path root = Fixtures.get(V2);
        assertThat(new DvcLiveImporter().claim(root.resolve(DvcYaml.NAME))).isEqualTo(ImportClaim.NONE);
        assertThat(new DvcLiveImporter().claim(root.resolve("dvclive")).ownsSubtree()).isTrue();
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(root, new CollectingSink(runs), ctx);
        assertThat(runs).extracting(ImportedRun::name).containsExactly("dvclive");
        assertThat(ctx.warnings).isEmpty();
        // given alone, it is an error that says so
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DvcLiveImporter().importFrom(
                root.resolve(DvcYaml.NAME), new CollectingSink(new ArrayList<>()), new RecordingContext()))
                .isInstanceOf(dev.cairn.plugin.importer.ImportException.class)
                .hasMessage(root.resolve(DvcYaml.NAME) + ": declares no metrics or plots beyond what a dvclive "
                        + "folder holds (import the folder holding it for those runs)");
    }

    @Test
    void theRealSamplesDeclaredPlotsFolderIsReadWhenPresent() throws Exception {
        Path project = tmp.resolve("example-dvc-experiments");
        copy(Fixtures.get(V2), project);
        // dvc.yaml's stage declares 'plots' (cache: false) beside dvclive/: DVC resolves it to <project>/plots
        write(project.resolve("plots/confusion.csv"), "actual,predicted\ncat,dog\ndog,dog\n");
        write(project.resolve("plots/lr.csv"), "step,lr\n0,0.1\n5,0.05\n");
        write(project.resolve("plots/sample.png"), new byte[] {1, 2, 3});
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).isEmpty();
        assertThat(runs).extracting(ImportedRun::name).containsExactly("dvclive", "example-dvc-experiments");
        ImportedRun declared = runs.get(1);
        assertThat(series(declared).keySet()).containsExactly("lr"); // labels of the confusion matrix are no series
        assertThat(series(declared).get("lr").steps()).containsExactly(0, 5);
        assertThat(series(declared).get("lr").values()).containsExactly(0.1, 0.05);
        assertThat(declared.params()).containsEntry("model.conv_units", "24");
        // the dvclive run is what it was without the plots folder
        assertThat(series(runs.get(0)).keySet()).containsExactlyInAnyOrder("train/acc", "train/loss", "eval/acc",
                "eval/loss");
    }

    @Test
    void aBrokenDeclaredFileFailsItsRunNamingFileAndLineAndTheDvcLiveRunStillImports() throws Exception {
        Path project = tmp.resolve("p");
        copy(Fixtures.get(V2), project);
        write(project.resolve("plots/lr.csv"), "step,lr\n0,0.1\n5,0.05,7\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(runs).extracting(ImportedRun::name).containsExactly("dvclive");
        Path lr = project.resolve("plots/lr.csv").toAbsolutePath().normalize();
        assertThat(ctx.failures).singleElement().asString().contains(lr + ": line 3: line has 3 cells")
                .endsWith("; run not imported");
    }

    @Test
    void yamlsInfinitiesAndNanInPlotsAndMetricsAreNumbersAndTextIsNot() throws Exception {
        Path project = tmp.resolve("specials");
        write(project.resolve(DvcYaml.NAME), """
                metrics:
                  - eval/scores.yaml
                plots:
                  - logs/curve.yaml:
                      x: step
                """);
        // as Python's yaml.dump writes float('inf'), float('-inf'), float('nan'); 'note' is text
        write(project.resolve("logs/curve.yaml"), """
                - {step: 0, loss: .inf, grad: 1.5}
                - {step: 1, loss: .nan, grad: -.inf}
                - {step: 2, loss: 0.25, grad: .NaN}
                """);
        write(project.resolve("eval/scores.yaml"), "best: -.Inf\nworst: .INF\nunknown: .nan\nnote: \".inf\"\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).isEmpty();
        Map<String, ImportedSeries> s = series(runs.get(0));
        assertThat(s.keySet()).containsExactlyInAnyOrder("loss", "grad", "best", "worst", "unknown");
        assertThat(s.get("loss").steps()).containsExactly(0, 1, 2);
        assertThat(s.get("loss").values()[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.get("loss").values()[1]).isNaN();
        assertThat(s.get("loss").values()[2]).isEqualTo(0.25);
        assertThat(s.get("grad").values()[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.get("grad").values()[2]).isNaN();
        assertThat(s.get("best").values()).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(s.get("worst").values()).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(s.get("unknown").values()[0]).isNaN();
    }

    @Test
    void aPlotValueTooLargeForADoubleFailsTheRunNamingFileAndLineNeverInfinity() throws Exception {
        Path project = tmp.resolve("big");
        write(project.resolve(DvcYaml.NAME), "plots:\n  - logs/curve.yaml\n");
        write(project.resolve("logs/curve.yaml"), "- {step: 0, loss: 0.5}\n- {step: 1, loss: 1e400}\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(runs).isEmpty();
        Path curve = project.resolve("logs/curve.yaml").toAbsolutePath().normalize();
        assertThat(ctx.failures).singleElement().asString()
                .contains(curve + ": line 2: invalid YAML: '1e400' is too large for a number (beyond ±1.8e308)");
    }

    /** A DVC 0.x project: single-stage files beside each other, one tracking data ({@code dvc add}), no dvc.yaml. */
    private Path dvc0Project() {
        Path project = tmp.resolve("legacy");
        write(project.resolve("data.xml.dvc"), """
                md5: 9e2d7a3c0b5ab7f8e8a6d4c1b2a3f4e5
                outs:
                - md5: a304afb96060aad90176268345e10355
                  path: data.xml
                  cache: true
                  metric: false
                  persist: false
                """);
        write(project.resolve("train.dvc"), """
                md5: 0b3d5b5a1c2d3e4f5a6b7c8d9e0f1a2b
                cmd: python train.py data.xml model.pkl
                wdir: .
                deps:
                - md5: 3863d0e317dee0a55c4e59d2ec0eef33
                  path: train.py
                outs:
                - md5: 1e7a5b0b1a0b0b0b0b0b0b0b0b0b0b0b
                  path: model.pkl
                  cache: true
                  metric: false
                  persist: false
                - md5: 4e5d0b1f3b1a7c9c8d2e3f4a5b6c7d8e
                  path: metrics.json
                  cache: false
                  metric:
                    type: json
                    xpath: auc
                  persist: false
                """);
        write(project.resolve("evaluate.dvc"), """
                cmd: python ../evaluate.py ../model.pkl auc.metric
                wdir: eval
                outs:
                - path: auc.metric
                  cache: false
                  metric: true
                - path: report.csv
                  cache: false
                  metric:
                    type: csv
                """);
        write(project.resolve("metrics.json"), "{\"auc\": 0.91, \"train\": {\"loss\": 0.25}}\n");
        write(project.resolve("eval/auc.metric"), "0.588426\n");
        write(project.resolve("eval/report.csv"), "class,precision\ncat,0.5\n");
        write(project.resolve("params.yaml"), "lr: 0.01\n");
        return project;
    }

    @Test
    void dvc0StageFilesWithMetricOutsAreTheRunOfTheirFolder() throws Exception {
        Path project = dvc0Project();
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);

        assertThat(ctx.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("legacy");
            assertThat(run.params()).containsExactlyEntriesOf(Map.of("lr", "0.01"));
            Map<String, ImportedSeries> s = series(run);
            // metrics.json of train.dvc (type json), eval/auc.metric of evaluate.dvc (raw: wdir eval); model.pkl
            // and data.xml are not metrics
            assertThat(s.keySet()).containsExactlyInAnyOrder("auc", "train/loss", "eval/auc");
            assertThat(s.get("auc").values()).containsExactly(0.91);
            assertThat(s.get("train/loss").values()).containsExactly(0.25);
            assertThat(s.get("eval/auc").values()).containsExactly(0.588426);
            assertThat(s.get("eval/auc").steps()).containsExactly(0);
        });
        Path report = project.resolve("eval/report.csv").toAbsolutePath().normalize();
        assertThat(ctx.warnings).containsExactly(report + ": csv metrics of DVC 0.x are not read");
    }

    @Test
    void theFirstStageFileOfAFolderStandsForItAndADvcYamlForAllOfThem() throws Exception {
        Path project = dvc0Project();
        DvcLiveImporter importer = new DvcLiveImporter();
        assertThat(importer.claim(project.resolve("data.xml.dvc"))).isEqualTo(new ImportClaim(0.95, false, true));
        assertThat(importer.claim(project.resolve("train.dvc"))).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(project.resolve("evaluate.dvc"))).isEqualTo(ImportClaim.NONE);
        // only 'dvc add' files: nothing to claim
        Path data = tmp.resolve("data");
        write(data.resolve("images.dvc"), "outs:\n- md5: 0a1b2c3d4e5f.dir\n  path: images\n");
        assertThat(importer.claim(data.resolve("images.dvc"))).isEqualTo(ImportClaim.NONE);

        // a DVC 1.x dvc.yaml beside them: metrics lists with cache: false, an out marked metric, a stage's wdir;
        // it stands for the folder and the 0.x stage files' metrics join its run
        write(project.resolve(DvcYaml.NAME), """
                stages:
                  test:
                    cmd: python test.py
                    wdir: tests
                    metrics:
                    - scores.json:
                        cache: false
                    outs:
                    - path: extra.yaml
                      metric: true
                    - model.bin
                """);
        write(project.resolve("tests/scores.json"), "{\"f1\": 0.5}\n");
        write(project.resolve("tests/extra.yaml"), "recall: 0.75\n");
        assertThat(importer.claim(project.resolve(DvcYaml.NAME))).isEqualTo(new ImportClaim(0.95, false, true));
        assertThat(importer.claim(project.resolve("data.xml.dvc"))).isEqualTo(ImportClaim.NONE);
        // read from any of them, the folder's declarations are the same
        assertThat(DvcYaml.read(project.resolve("train.dvc")).metrics())
                .isEqualTo(DvcYaml.read(project.resolve(DvcYaml.NAME)).metrics()).hasSize(5);
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        importer.importFrom(project.resolve(DvcYaml.NAME), new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(run -> {
            Map<String, ImportedSeries> s = series(run);
            assertThat(s.keySet()).containsExactlyInAnyOrder("f1", "recall", "auc", "train/loss", "eval/auc");
            assertThat(s.get("f1").values()).containsExactly(0.5);
            assertThat(s.get("recall").values()).containsExactly(0.75);
        });
    }

    @Test
    void aRawMetricThatIsNotOneNumberIsAWarningAndABrokenStageFileFailsNamingItsLine() throws Exception {
        Path project = dvc0Project();
        write(project.resolve("eval/auc.metric"), "auc = 0.5\nacc = 0.25\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(series(runs.get(0)).keySet()).containsExactlyInAnyOrder("auc", "train/loss");
        Path auc = project.resolve("eval/auc.metric").toAbsolutePath().normalize();
        assertThat(ctx.warnings).contains(auc + ": line 1: a raw metric is one number, not 'auc = 0.5 acc = 0.25'; "
                + "not read");

        write(project.resolve("train.dvc"), "outs:\n- path: metrics.json\n  metric: [true\n");
        RecordingContext broken = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(new ArrayList<>()), broken);
        Path train = project.resolve("train.dvc").toAbsolutePath().normalize();
        assertThat(broken.failures).singleElement().asString().contains(train + ": line ")
                .contains("invalid YAML").endsWith("; run not imported");
    }

    @Test
    void aDeclaredPathOutsideTheProjectIsAnErrorNamingTheDvcYamlAndThePath() throws Exception {
        Path outside = tmp.resolve("outside");
        write(outside.resolve("secret.tsv"), "step\tloss\n0\t1\n");
        Path project = tmp.resolve("a/b/proj");
        write(project.resolve("ok.tsv"), "step\tacc\n0\t0.5\n");
        Files.createSymbolicLink(project.resolve("link"), outside);
        for (String declared : List.of("/", "../..", "../../../outside/secret.tsv", "link", "link/secret.tsv")) {
            write(project.resolve(DvcYaml.NAME), "plots:\n  - ok.tsv\n  - " + declared + "\n");
            List<ImportedRun> runs = new ArrayList<>();
            RecordingContext ctx = new RecordingContext();
            new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);

            Path yaml = project.resolve(DvcYaml.NAME).toAbsolutePath().normalize();
            Path resolved = project.toAbsolutePath().resolve(declared).normalize();
            assertThat(runs).as(declared).isEmpty();
            assertThat(ctx.failures).as(declared).singleElement().asString()
                    .contains(yaml + ": line 3: metrics or plots path " + resolved + " is outside the project folder "
                            + project.toAbsolutePath().normalize())
                    .endsWith("; run not imported").doesNotContain("\n");
        }
    }

    @Test
    void aPathUpToTheDvcRepositoryRootIsInsideTheProject() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".dvc"));
        write(repo.resolve("shared/val.tsv"), "step\tloss\n0\t0.75\n10\t0.5\n");
        write(repo.resolve("stages/eval/dvc.yaml"), "plots:\n  - ../../shared/val.tsv\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(repo.resolve("stages/eval/dvc.yaml"), new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(series(runs.get(0)).get("loss").values()).containsExactly(0.75, 0.5);
    }

    @Test
    void tomlMetricsDeclaredInADvcYamlAreRead() throws Exception {
        Path project = tmp.resolve("toml");
        write(project.resolve(DvcYaml.NAME), """
                stages:
                  evaluate:
                    cmd: python evaluate.py
                    metrics:
                      - eval/metrics.toml:
                          cache: false
                """);
        write(project.resolve("eval/metrics.toml"), "step = 4\n[test]\nf1 = 0.625\nloss = inf\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(project, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).isEmpty();
        Map<String, ImportedSeries> s = series(runs.get(0));
        assertThat(s.keySet()).containsExactlyInAnyOrder("test/f1", "test/loss");
        assertThat(s.get("test/f1").steps()).containsExactly(4);
        assertThat(s.get("test/f1").values()).containsExactly(0.625);
        assertThat(s.get("test/loss").values()).containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void aBrokenDvcYamlIsClaimedSoItIsNamedWithItsLine() throws Exception {
        Path yaml = tmp.resolve("q/dvc.yaml");
        write(yaml, "stages:\n  train:\n    metrics: [a.json\n");
        assertThat(new DvcLiveImporter().claim(yaml).claimed()).isTrue();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(yaml, new CollectingSink(new ArrayList<>()), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(yaml + ": line ").contains("invalid YAML");
    }

    @Test
    void templatedPathsAreResolvedAsDvcDoesAndAnUndefinedNameIsNamedNotGuessed() throws Exception {
        Path dir = tmp.resolve("t");
        write(dir.resolve("params.yaml"), "out_dir: results\nsplits: [train, test]\n");
        write(dir.resolve("dvc.yaml"), """
                vars:
                  - logs: logs
                stages:
                  evaluate:
                    foreach: ${splits}
                    do:
                      metrics:
                        - ${out_dir}/${item}/metrics.json
                  sweep:
                    matrix:
                      lr: [0.1, 0.01]
                    plots:
                      - ${logs}/lr_${item.lr}.csv
                  broken:
                    metrics:
                      - ${nowhere}/metrics.json
                """);
        write(dir.resolve("results/train/metrics.json"), "{\"acc\": 0.75}\n");
        write(dir.resolve("results/test/metrics.json"), "{\"f1\": 0.5}\n");
        write(dir.resolve("logs/lr_0.1.csv"), "step,loss_a\n0,1\n");
        write(dir.resolve("logs/lr_0.01.csv"), "step,loss_b\n0,2\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(dir.resolve("dvc.yaml"), new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(series(r).keySet()).containsExactlyInAnyOrder("acc", "f1", "loss_a", "loss_b");
            assertThat(series(r).get("loss_b").values()).containsExactly(2.0);
        });
        assertThat(ctx.warnings).containsExactly(dir.resolve("dvc.yaml") + ": '${nowhere}/metrics.json' names a "
                + "variable that params.yaml, vars: and foreach do not define; not read");
    }
}
