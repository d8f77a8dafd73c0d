package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.ParamFlattener;
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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Imports PyTorch Lightning CSVLogger folders ({@code <name>/version_N/metrics.csv} + {@code hparams.yaml}):
 * every folder holding either file is one run, in natural version order. The {@code step} column is the step;
 * every other column (including {@code epoch}) is a metric; empty cells are no point. Lightning writes no
 * timestamps, so points get timestamp 0 (stable across imports).
 */
public final class LightningCsvImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "lightning-csv";
    static final String METRICS = "metrics.csv";
    static final String HPARAMS = "hparams.yaml";
    private static final Pattern VERSION = Pattern.compile("version_\\d+");

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
        return "PyTorch Lightning CSVLogger";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                String name = String.valueOf(path.getFileName());
                return (name.equals(METRICS) || name.equals(HPARAMS)) && isVersionDir(path.getParent()) ? 0.9 : 0;
            }
            if (!Files.isDirectory(path)) {
                return 0;
            }
            if (isRunDir(path)) {
                return isVersionDir(path) ? 0.9 : 0.5;
            }
            List<Path> found = findRunDirs(path, 4, 2000);
            if (found.isEmpty()) {
                return 0;
            }
            return found.stream().anyMatch(LightningCsvImporter::isVersionDir) ? 0.85 : 0.4;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
        List<Path> runDirs;
        try {
            runDirs = findRunDirs(start, Integer.MAX_VALUE, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (runDirs.isEmpty()) {
            throw new ImportException(path + ": no Lightning CSVLogger runs (folders with " + METRICS + " or "
                    + HPARAMS + ") found");
        }
        boolean rootIsRun = runDirs.size() == 1 && runDirs.get(0).equals(start);
        Path keyRoot = context.projectRoot()
                .orElse(rootIsRun ? start.toAbsolutePath().normalize().getParent() : start);
        String experiment = context.experimentOverride().orElseGet(() -> SourcePaths.nameOf(keyRoot, "lightning"));
        int done = 0;
        for (Path dir : runDirs) {
            if (context.isCancelled()) {
                return;
            }
            String key = SourcePaths.relativeKey(keyRoot, dir);
            context.progress((double) done++ / runDirs.size(), "Lightning run " + key);
            try {
                sink.write(readRun(experiment, key, dir, context));
            } catch (LogFileException e) {
                context.fail(dir.toString(), e.getMessage() + "; run not imported");
            } catch (IOException e) {
                context.fail(dir.toString(), "cannot read " + e.getMessage() + "; run not imported");
            }
        }
        context.progress(1, "Lightning import done");
    }

    private ImportedRun readRun(String experiment, String key, Path dir, ImportContext context)
            throws IOException, LogFileException {
        ImportedRun.Builder run = ImportedRun.builder(experiment, runId(experiment, key))
                .name(key)
                .sourceRef(dir.toAbsolutePath().normalize().toUri().toString())
                .source("pytorch-lightning", null);
        Path hparams = dir.resolve(HPARAMS);
        if (Files.isRegularFile(hparams)) {
            run.params(ParamFlattener.read(hparams));
        }
        Path metrics = dir.resolve(METRICS);
        if (Files.isRegularFile(metrics)) {
            CsvTable table = CsvTable.read(metrics, context::warn);
            metricsOf(table).series().forEach(run::metric);
        }
        return run.build();
    }

    /** Turns a metrics.csv into series: step from the {@code step} column (row index when absent). */
    static SeriesCollector metricsOf(CsvTable table) throws LogFileException {
        SeriesCollector out = new SeriesCollector();
        String[] header = table.header();
        int stepCol = table.column("step");
        long rowIndex = 0;
        for (CsvTable.Row row : table.rows()) {
            long step = rowIndex++;
            if (stepCol >= 0) {
                step = integer(table, row, stepCol);
            }
            for (int c = 0; c < header.length; c++) {
                if (c == stepCol) {
                    continue;
                }
                Double v = cell(table, row, c);
                if (v != null) {
                    out.add(header[c], step, 0L, v);
                }
            }
        }
        return out;
    }

    static Double cell(CsvTable table, CsvTable.Row row, int col) throws LogFileException {
        String text = row.cells()[col];
        try {
            return CsvTable.number(text);
        } catch (NumberFormatException e) {
            throw new LogFileException(table.file(), row.line(), "column '" + table.header()[col] + "': "
                    + e.getMessage());
        }
    }

    static long integer(CsvTable table, CsvTable.Row row, int col) throws LogFileException {
        Double v = cell(table, row, col);
        if (v == null || v != Math.rint(v) || Double.isInfinite(v)) {
            throw new LogFileException(table.file(), row.line(), "column '" + table.header()[col] + "': '"
                    + row.cells()[col] + "' is not a whole number");
        }
        return v.longValue();
    }

    private static boolean isRunDir(Path dir) {
        return Files.isRegularFile(dir.resolve(METRICS)) || Files.isRegularFile(dir.resolve(HPARAMS));
    }

    private static boolean isVersionDir(Path dir) {
        return dir != null && dir.getFileName() != null && VERSION.matcher(dir.getFileName().toString()).matches();
    }

    /** Run folders under {@code root} in natural order, looking at no more than {@code maxEntries} entries. */
    static List<Path> findRunDirs(Path root, int maxDepth, int maxEntries) throws IOException {
        List<Path> found = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(root, java.util.Set.of(), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (isRunDir(dir)) {
                    found.add(dir);
                }
                return ++seen[0] > maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
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
