package dev.cairn.plugin.hftrainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.ParamFlattener;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports Hugging Face Trainer output folders: one run per folder; {@code checkpoint-*} and
 * {@code last-checkpoint} copies of {@code trainer_state.json} are snapshots of the same run and the newest, most
 * complete one is read. Every numeric key of every {@code log_history} entry but {@code step} is a series point at
 * the entry's step ({@code global_step} when it has none), names as written; numeric keys of
 * {@code all_results.json}, {@code eval_results.json} and {@code train_results.json} no entry has are one point at
 * {@code global_step}. Params: the state's settings and {@code config.json} / {@code adapter_config.json}
 * flattened with dots; tags {@code best_metric}, {@code best_model_checkpoint}. FINISHED when {@code global_step}
 * reached {@code max_steps}, else KILLED. The Trainer writes no times, so points have timestamp 0.
 */
public final class HfTrainerImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "hf-trainer";
    static final List<String> SETTINGS = List.of("train_batch_size", "num_train_epochs", "logging_steps",
            "eval_steps", "save_steps", "max_steps");
    static final List<String> RESULTS = List.of("all_results.json", "eval_results.json", "train_results.json");
    static final List<String> CONFIGS = List.of("config.json", "adapter_config.json");
    private static final int DEPTH = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Hugging Face Trainer";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return OutputFolders.STATE.equals(String.valueOf(path.getFileName())) ? 0.9 : 0;
            }
            if (OutputFolders.isOutputFolder(path)) {
                return 0.95;
            }
            return Files.isDirectory(path) && !OutputFolders.find(path, 2).isEmpty() ? 0.8 : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** An output folder is one run; its checkpoints are part of it. */
    @Override
    public ImportClaim claim(Path path) {
        try {
            return OutputFolders.isOutputFolder(path) ? ImportClaim.run(0.95) : ImportClaim.NONE;
        } catch (IOException | RuntimeException e) {
            return ImportClaim.NONE;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path.toAbsolutePath();
        List<Path> folders;
        try {
            folders = OutputFolders.find(start, DEPTH);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (folders.isEmpty()) {
            throw new ImportException(path + ": no Hugging Face Trainer output (trainer_state.json) found");
        }
        String experiment = context.experimentOverride().orElseGet(() -> context.projectRoot()
                .map(p -> p.getFileName() == null ? "huggingface" : p.getFileName().toString())
                .orElseGet(() -> experimentName(start, folders)));
        for (int i = 0; i < folders.size() && !context.isCancelled(); i++) {
            Path folder = folders.get(i);
            context.progress((double) i / folders.size(), "reading " + folder.getFileName());
            try {
                sink.write(readRun(experiment, folder, context));
            } catch (LogFileException e) {
                context.fail(folder.toString(), e.getMessage());
            } catch (IOException e) {
                context.fail(folder.toString(), folder + ": cannot read (" + e.getMessage() + ")");
            }
        }
        context.progress(1, "done");
    }

    /**
     * The folder holding the output folders: the one dropped, or the output folder's parent when it was dropped (in a
     * project folder: the project's name, as the path-named importers do).
     */
    private static String experimentName(Path start, List<Path> folders) {
        Path named = folders.size() == 1 && folders.get(0).equals(start) && start.getParent() != null
                ? start.getParent() : start;
        return named.getFileName() == null ? "huggingface" : named.getFileName().toString();
    }

    ImportedRun readRun(String experiment, Path folder, ImportContext context) throws IOException, LogFileException {
        TrainerState state = newest(folder, context);
        JsonNode root = state.root();
        long globalStep = state.globalStep();
        JsonNode history = root.get("log_history");
        ImportedRun.Builder run = ImportedRun.builder(experiment, runId(folder, history))
                .name(folder.getFileName().toString()).sourceRef(state.file().toString());

        SeriesCollector series = new SeriesCollector();
        Set<String> logged = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            if (!entry.isObject()) {
                throw new LogFileException(state.file(), 1, "log_history entry " + i + " is not an object");
            }
            JsonNode s = entry.get("step");
            long step = s != null && s.isNumber() ? s.asLong() : globalStep;
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("step") && f.getValue().isNumber()) {
                    series.add(f.getKey(), step, 0, f.getValue().asDouble());
                    logged.add(f.getKey());
                }
            }
        }
        for (String name : RESULTS) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode results = JsonFiles.read(file);
            for (Iterator<Map.Entry<String, JsonNode>> it = results.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isNumber() && logged.add(f.getKey())) {
                    series.add(f.getKey(), globalStep, 0, f.getValue().asDouble());
                }
            }
        }
        series.series().forEach(run::metric);

        for (String key : SETTINGS) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull()) {
                run.param(key, JsonFiles.text(v));
            }
        }
        for (String name : CONFIGS) {
            Path file = configFile(folder, state.file().getParent(), name);
            if (file != null) {
                run.params(ParamFlattener.read(file));
            }
        }
        for (String key : List.of("best_metric", "best_model_checkpoint")) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull()) {
                run.tag(key, JsonFiles.text(v));
            }
        }
        JsonNode max = root.get("max_steps");
        if (max == null || !max.isNumber()) {
            context.warn(state.file() + ": line 1: no 'max_steps'; status taken as FINISHED");
            run.status(RunStatus.FINISHED);
        } else {
            run.status(globalStep >= max.asLong() ? RunStatus.FINISHED : RunStatus.KILLED);
        }
        return run.build();
    }

    /** The newest, most complete state of {@code folder}; an unreadable snapshot is skipped with a warning. */
    private static TrainerState newest(Path folder, ImportContext context) throws IOException, LogFileException {
        List<Path> files = OutputFolders.stateFiles(folder);
        TrainerState best = null;
        LogFileException firstError = null;
        for (Path file : files) {
            try {
                TrainerState s = TrainerState.read(file);
                if (best == null || s.supersedes(best)) {
                    best = s;
                }
            } catch (LogFileException e) {
                if (firstError == null) {
                    firstError = e;
                }
                if (files.size() > 1) {
                    context.warn(e.getMessage() + " (snapshot skipped)");
                }
            }
        }
        if (best == null) {
            throw firstError;
        }
        return best;
    }

    /**
     * The output folder's own config file, else the one beside the state read, else the newest checkpoint's
     * (checkpoints are saved in step order), else none.
     */
    private static Path configFile(Path folder, Path stateDir, String name) throws IOException {
        if (Files.isRegularFile(folder.resolve(name))) {
            return folder.resolve(name);
        }
        if (Files.isRegularFile(stateDir.resolve(name))) {
            return stateDir.resolve(name);
        }
        Path newest = null;
        long newestStep = -1;
        for (Path state : OutputFolders.stateFiles(folder)) {
            Path dir = state.getParent();
            Path file = dir.resolve(name);
            String dirName = dir.getFileName().toString();
            long step = dirName.startsWith("checkpoint-") ? Long.parseLong(dirName.substring(11)) : Long.MAX_VALUE;
            if (!dir.equals(folder) && Files.isRegularFile(file) && step > newestStep) {
                newest = file;
                newestStep = step;
            }
        }
        return newest;
    }

    /** Stable over re-imports and snapshots: the folder's name and the first log entry, as the Trainer wrote it. */
    static String runId(Path folder, JsonNode history) {
        String first = history.isEmpty() ? "" : history.get(0).toString();
        return ImportedRun.stableId(ID, folder.getFileName() + "\n" + first);
    }
}
