package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.model.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports a tree of TensorBoard event files: every directory holding {@code events.out.tfevents*} files is one
 * run (several files in a directory merge), identified by its path relative to the import root.
 */
public final class TensorBoardImporter implements dev.cairn.plugin.importer.RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "tensorboard";
    private static final String VERSION = "1.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(TensorBoardImporter.class);

    /**
     * The stable id of a run: derived from the experiment it goes to and its source key (path relative to the
     * import root), so re-importing the same folder changes nothing while same-named folders of different
     * projects ({@code version_0}, {@code dvclive}) do not merge into one run.
     */
    public static String runId(String experiment, String key) {
        return ImportedRun.stableId(ID, experiment + ":" + key);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "TensorBoard event files";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return RunDirectories.isEventFile(path) ? 0.95 : 0;
            }
            return RunDirectories.containsEventFile(path, 5, 5000) ? 0.8 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * A folder with event files directly in it; one run when no sub-folder has event files too. It does not own
     * what is beside or below it, and ties with a CSV logger's claim when a {@code metrics.csv} is beside the events.
     */
    @Override
    public ImportClaim claim(Path path) {
        try {
            if (!Files.isDirectory(path) || !RunDirectories.containsEventFile(path, 1, 200)) {
                return ImportClaim.NONE;
            }
            boolean direct;
            boolean nested = false;
            try (java.util.stream.Stream<Path> children = Files.list(path)) {
                List<Path> list = children.limit(500).toList();
                direct = list.stream().anyMatch(p -> Files.isRegularFile(p) && RunDirectories.isEventFile(p));
                for (Path p : list) {
                    if (Files.isDirectory(p) && RunDirectories.containsEventFile(p, 2, 200)) {
                        nested = true;
                        break;
                    }
                }
            }
            if (!direct) {
                return ImportClaim.NONE;
            }
            double c = Files.isRegularFile(path.resolve("metrics.csv")) ? 0.9 : 0.95;
            return new ImportClaim(c, false, !nested);
        } catch (java.io.IOException | RuntimeException e) {
            return ImportClaim.NONE;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path root = context.projectRoot().orElse(Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path);
        Map<Path, List<Path>> runs;
        try {
            runs = RunDirectories.find(path);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new ImportException(path + ": no TensorBoard event files (events.out.tfevents*) found");
        }
        long totalBytes = runs.values().stream().flatMap(List::stream).mapToLong(TensorBoardImporter::size).sum();
        long doneBytes = 0;
        String experiment = context.experimentOverride().orElseGet(() -> experimentName(root));
        for (Map.Entry<Path, List<Path>> entry : runs.entrySet()) {
            if (context.isCancelled()) {
                return;
            }
            Path dir = entry.getKey();
            String key = relativeKey(root, dir);
            context.progress(totalBytes == 0 ? -1 : (double) doneBytes / totalBytes, "TensorBoard run " + key);
            RunData data = new RunData();
            List<String> warnings = new ArrayList<>();
            try {
                for (Path file : entry.getValue()) {
                    new EventFileParser().parse(file, data, warnings::add);
                    doneBytes += size(file);
                }
            } catch (EventFileParser.EventFileException e) {
                warnings.forEach(context::warn);
                context.fail(dir.toString(), e.getMessage() + "; run not imported");
                continue;
            } catch (IOException e) {
                warnings.forEach(context::warn);
                context.fail(dir.toString(), "cannot read event file (" + e.getMessage() + "); run not imported");
                continue;
            }
            warnings.forEach(context::warn);
            if (data.isEmpty()) {
                context.warn(dir + ": no scalars or hyperparameters"
                        + (data.hparamsExperiment ? " (only an hparams experiment definition)" : "")
                        + skippedText(data) + "; not imported as a run");
                continue;
            }
            if (!data.skipped.isEmpty()) {
                context.warn(dir + ": " + skippedText(data).substring(2));
            }
            ImportSink.Outcome outcome = sink.write(toRun(experiment, key, dir, data));
            LOG.debug("TensorBoard run {} -> {}", key, outcome);
        }
        context.progress(1, "TensorBoard import done");
    }

    private ImportedRun toRun(String experiment, String key, Path dir, RunData data) {
        ImportedRun.Builder run = ImportedRun.builder(experiment, runId(experiment, key))
                .name(key)
                .status(data.status == null ? RunStatus.FINISHED : data.status)
                .params(data.params)
                .sourceRef(dir.toAbsolutePath().normalize().toUri().toString())
                .source("tensorboard", null);
        if (data.firstWallMs != Long.MAX_VALUE) {
            run.times(data.firstWallMs, data.lastWallMs);
        }
        if (data.group != null) {
            run.tag("tensorboard.hparams.group", data.group);
        }
        for (TagTable.Tag tag : data.tags.tags()) {
            if (tag.series != null) {
                run.metric(tag.series.toSeries(tag.name));
            }
        }
        return run.build();
    }

    private static String skippedText(RunData data) {
        if (data.skipped.isEmpty()) {
            return "";
        }
        return "; skipped " + data.skipped.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** The run's source key: its folder relative to the import root, '/'-separated; the folder name when equal. */
    static String relativeKey(Path root, Path dir) {
        Path rel = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        String key = rel.toString().replace('\\', '/');
        if (key.isEmpty()) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            return name == null ? "." : name.toString();
        }
        return key;
    }

    static String experimentName(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return name == null ? "TensorBoard" : name.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
