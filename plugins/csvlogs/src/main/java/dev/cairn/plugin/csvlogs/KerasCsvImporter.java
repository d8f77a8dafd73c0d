package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.plugin.support.LogFileException;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Imports per-epoch CSV logs whose first column is {@code epoch}: Keras {@code CSVLogger} files and YOLOv5
 * {@code results.csv} (space-padded headers). A Keras log appended across training sessions (the epoch restarts,
 * the header is not repeated) becomes one run per session, with id {@code <file>#session<N>} so earlier sessions
 * keep their ids when the log grows. The epoch is the step; points get timestamp 0 (the logs have no clock).
 */
public final class KerasCsvImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "keras-csv";

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
        return "Keras CSVLogger / YOLOv5 results.csv";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return isEpochLog(path) ? 0.9 : 0;
            }
            if (!Files.isDirectory(path)) {
                return 0;
            }
            return findLogs(path, 3, 500).isEmpty() ? 0 : 0.6;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        boolean single = Files.isRegularFile(path);
        Path root = context.projectRoot().orElse(single ? path.toAbsolutePath().getParent() : path);
        List<Path> logs;
        try {
            logs = single ? (isEpochLog(path) ? List.of(path) : List.of()) : findLogs(path, Integer.MAX_VALUE,
                    Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (logs.isEmpty()) {
            throw new ImportException(path + ": no per-epoch CSV logs (a header starting with 'epoch') found");
        }
        String experiment = context.experimentOverride().orElseGet(() -> SourcePaths.nameOf(root, "keras"));
        int done = 0;
        for (Path log : logs) {
            if (context.isCancelled()) {
                return;
            }
            String key = SourcePaths.relativeKey(root, log);
            context.progress((double) done++ / logs.size(), "CSV log " + key);
            List<ImportedRun> runs;
            try {
                runs = readSessions(experiment, key, log, context);
            } catch (LogFileException e) {
                context.fail(log.toString(), e.getMessage() + "; no run imported from this file");
                continue;
            } catch (IOException e) {
                context.fail(log.toString(), "cannot read " + e.getMessage() + "; no run imported from this file");
                continue;
            }
            runs.forEach(sink::write);
        }
        context.progress(1, "CSV log import done");
    }

    private List<ImportedRun> readSessions(String experiment, String key, Path log, ImportContext context)
            throws IOException, LogFileException {
        CsvTable table = CsvTable.read(log, context::warn);
        String[] header = table.header();
        List<SeriesCollector> sessions = new ArrayList<>();
        SeriesCollector current = null;
        long previousEpoch = Long.MIN_VALUE;
        for (CsvTable.Row row : table.rows()) {
            long epoch = LightningCsvImporter.integer(table, row, 0);
            if (current == null || epoch <= previousEpoch) {
                current = new SeriesCollector();
                sessions.add(current);
            }
            previousEpoch = epoch;
            for (int c = 1; c < header.length; c++) {
                Double v = LightningCsvImporter.cell(table, row, c);
                if (v != null) {
                    current.add(header[c], epoch, 0L, v);
                }
            }
        }
        String stem = String.valueOf(log.getFileName()).replaceFirst("\\.csv$", "");
        String program = stem.equals("results") && Arrays.asList(header).contains("metrics/mAP_0.5")
                ? "yolov5" : "keras";
        List<ImportedRun> runs = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            String sessionKey = key + "#session" + (i + 1);
            ImportedRun.Builder run = ImportedRun.builder(experiment, runId(experiment, sessionKey))
                    .name(sessions.size() == 1 ? key : key + " (session " + (i + 1) + ")")
                    .sourceRef(log.toAbsolutePath().normalize().toUri() + "#session" + (i + 1))
                    .source(program, null);
            if (sessions.size() > 1) {
                run.tag("import.session", Integer.toString(i + 1));
            }
            sessions.get(i).series().forEach(run::metric);
            runs.add(run.build());
        }
        return runs;
    }

    /** A CSV whose header starts with {@code epoch} and has no {@code step} column (Lightning's has one). */
    static boolean isEpochLog(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv")) {
            return false;
        }
        String[] header = CsvTable.peekHeader(file);
        return header != null && header.length > 1 && header[0].equals("epoch")
                && !Arrays.asList(header).contains("step");
    }

    static List<Path> findLogs(Path root, int maxDepth, int maxEntries) throws IOException {
        List<Path> found = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(root, java.util.Set.of(), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isEpochLog(file)) {
                    found.add(file);
                }
                return ++seen[0] > maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(SourcePaths.NATURAL);
        return found;
    }
}
