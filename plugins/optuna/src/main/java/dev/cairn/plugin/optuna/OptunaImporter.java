package dev.cairn.plugin.optuna;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports Optuna storages: SQLite ({@code *.db}) and JournalFileStorage logs. Each study is an experiment named
 * after it, tagged with its direction(s) and user attributes; each trial a run named {@code trial <number>}.
 * Params are decoded through their distributions (log scale and step kept as tags {@code optuna.param.<name>.log}
 * and {@code .step}); the objective value(s) are metric {@code value} (multi-objective: the study's metric names
 * when recorded, else {@code values_0}, {@code values_1}, ...) at step 0; intermediate values are series
 * {@code intermediate} at their steps; COMPLETE → FINISHED, PRUNED → KILLED (tag {@code optuna.state = PRUNED}),
 * FAIL → FAILED, RUNNING → RUNNING, WAITING → SCHEDULED; user attributes are tags. Optuna writes local times
 * without an offset; they are read as UTC.
 */
public final class OptunaImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "optuna";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Optuna";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return hasStorageName(path) && isStorage(path) ? 0.95 : 0;
            }
            return Files.isDirectory(path) && !storages(path).isEmpty() ? 0.8 : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A storage file holds studies of many trials. */
    @Override
    public ImportClaim claim(Path path) {
        try {
            return Files.isRegularFile(path) && hasStorageName(path) && isStorage(path) ? ImportClaim.store(0.95)
                    : ImportClaim.NONE;
        } catch (RuntimeException e) {
            return ImportClaim.NONE;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        List<Path> files;
        try {
            files = Files.isRegularFile(path) ? List.of(path) : storages(path);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty() || Files.isRegularFile(path) && !isStorage(path)) {
            throw new ImportException(path + ": no Optuna storage (SQLite *.db or journal log) found");
        }
        for (int i = 0; i < files.size() && !context.isCancelled(); i++) {
            Path file = files.get(i);
            context.progress((double) i / files.size(), "reading " + file.getFileName());
            List<OptunaStudy> studies;
            try {
                studies = JournalStorage.isJournal(file) ? JournalStorage.read(file, context)
                        : SqliteStorage.read(file);
            } catch (LogFileException e) {
                context.fail(file.toString(), e.getMessage());
                continue;
            } catch (IOException | RuntimeException e) {
                context.fail(file.toString(), file + ": cannot read the Optuna storage (" + oneLine(e) + ")");
                continue;
            }
            for (OptunaStudy study : studies) {
                writeStudy(file, study, sink, context);
            }
        }
        context.progress(1, "done");
    }

    private static void writeStudy(Path file, OptunaStudy study, ImportSink sink, ImportContext context) {
        Map<String, String> tags = new LinkedHashMap<>(study.userAttrs);
        if (study.directions.size() == 1) {
            tags.put("optuna.direction", study.directions.get(0));
        } else if (!study.directions.isEmpty()) {
            tags.put("optuna.directions", String.join(",", study.directions));
        }
        sink.experiment(new ImportedExperiment(study.name, null, Lifecycle.ACTIVE, null, tags));
        String experiment = context.experimentOverride().orElse(study.name);
        for (OptunaStudy.Trial trial : study.trials) {
            if (context.isCancelled()) {
                return;
            }
            try {
                sink.write(run(file, study, experiment, trial));
            } catch (Distributions.BadDistribution e) {
                context.fail(file + " study '" + study.name + "' trial " + trial.number,
                        file + ": study '" + study.name + "' trial " + trial.number + ": " + e.getMessage());
            }
        }
    }

    static ImportedRun run(Path file, OptunaStudy study, String experiment, OptunaStudy.Trial t)
            throws Distributions.BadDistribution {
        ImportedRun.Builder run = ImportedRun.builder(experiment,
                        ImportedRun.stableId(ID, file.getFileName() + "\n" + study.name + "\n" + t.number))
                .name("trial " + t.number).status(status(t.state)).times(t.startMs, t.completeMs)
                .sourceRef(file + "#" + study.name + "/" + t.number).tag("optuna.trial", Integer.toString(t.number));
        if (t.state.equals("PRUNED")) {
            run.tag("optuna.state", "PRUNED");
        }
        for (Map.Entry<String, OptunaStudy.Param> p : t.params.entrySet()) {
            Distributions.Decoded d = Distributions.decode(p.getKey(), p.getValue());
            run.param(p.getKey(), d.value());
            d.tags().forEach((k, v) -> run.tag("optuna.param." + p.getKey() + "." + k, v));
        }
        run.tags(t.userAttrs);
        SeriesCollector series = new SeriesCollector();
        long ts = t.completeMs == null ? 0 : t.completeMs;
        for (int i = 0; i < t.values.size(); i++) {
            series.add(valueName(study, t.values.size(), i), 0, ts, t.values.get(i));
        }
        t.intermediate.forEach((step, v) -> series.add("intermediate", step, 0, v));
        series.series().forEach(run::metric);
        return run.build();
    }

    private static String valueName(OptunaStudy study, int count, int i) {
        if (study.metricNames.size() == count) {
            return study.metricNames.get(i);
        }
        return count == 1 ? "value" : "values_" + i;
    }

    static RunStatus status(String state) {
        return switch (state) {
            case "COMPLETE" -> RunStatus.FINISHED;
            case "PRUNED" -> RunStatus.KILLED;
            case "FAIL" -> RunStatus.FAILED;
            case "WAITING" -> RunStatus.SCHEDULED;
            default -> RunStatus.RUNNING;
        };
    }

    private static boolean isStorage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (JournalStorage.isJournal(file)) {
            return true;
        }
        return !name.endsWith(".log") && SqliteStorage.isOptuna(file);
    }

    /** Names Optuna storages go by: SQLite files and journal logs. */
    private static boolean hasStorageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".db") || n.endsWith(".sqlite") || n.endsWith(".sqlite3") || n.endsWith(".log")
                || n.endsWith(".jsonl");
    }

    /** Storage files directly in {@code dir} or one level down, in name order. */
    static List<Path> storages(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            files.filter(Files::isRegularFile).filter(OptunaImporter::hasStorageName).sorted()
                    .filter(OptunaImporter::isStorage).forEach(out::add);
        }
        return out;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
