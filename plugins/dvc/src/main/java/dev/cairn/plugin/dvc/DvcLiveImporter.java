package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.ParamFlattener;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.plugin.support.LogFileException;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.importer.RunImporter;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports DVC / dvclive output: every dvclive folder (see {@link DvcLiveRun} for the layouts) is one run. Each
 * {@code .tsv} under its metrics folder is a series keyed by its path ({@code train/acc}); a summary value with
 * no series becomes one point at the summary's step. Params come from the nearest {@code params.yaml} between the
 * folder and the import root, flattened with dots, overridden by the folder's own {@code params.yaml}.
 */
public final class DvcLiveImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "dvclive";
    private static final String PARAMS = "params.yaml";

    /**
     * The stable id of a run: derived from the experiment it goes to and its source key (path relative to the
     * import root), so re-importing the same folder changes nothing while the {@code dvclive} folders of different
     * projects do not merge into one run.
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
        return "DVC / dvclive";
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
                return name.equals("dvclive.json") || name.equals("metrics.json")
                        && DvcLiveRun.detect(path.toAbsolutePath().getParent()).isPresent() ? 0.8 : 0;
            }
            if (!Files.isDirectory(path)) {
                return 0;
            }
            if (DvcLiveRun.detect(path).isPresent()) {
                return 0.9;
            }
            return findRuns(path, 3, 2000).isEmpty() ? 0 : 0.85;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
        List<DvcLiveRun> runs;
        try {
            runs = findRuns(start, Integer.MAX_VALUE, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new ImportException(path + ": no dvclive output (a folder with scalars/ or plots/metrics/) found");
        }
        Path root = start.toAbsolutePath().normalize();
        boolean rootIsRun = runs.size() == 1 && runs.get(0).dir().toAbsolutePath().normalize().equals(root);
        Path keyRoot = context.projectRoot().orElse(rootIsRun && root.getParent() != null ? root.getParent() : root);
        String experiment = context.experimentOverride().orElseGet(() -> nameOf(keyRoot));
        int done = 0;
        for (DvcLiveRun live : runs) {
            if (context.isCancelled()) {
                return;
            }
            String key = relativeKey(keyRoot, live.dir());
            context.progress((double) done++ / runs.size(), "dvclive run " + key);
            try {
                sink.write(readRun(experiment, key, live, keyRoot, context));
            } catch (LogFileException e) {
                context.fail(live.dir().toString(), e.getMessage() + "; run not imported");
            } catch (IOException e) {
                context.fail(live.dir().toString(), "cannot read " + e.getMessage() + "; run not imported");
            }
        }
        context.progress(1, "dvclive import done");
    }

    private ImportedRun readRun(String experiment, String key, DvcLiveRun live, Path keyRoot, ImportContext context)
            throws IOException, LogFileException {
        ImportedRun.Builder run = ImportedRun.builder(experiment, runId(experiment, key))
                .name(key)
                .sourceRef(live.dir().toAbsolutePath().normalize().toUri().toString())
                .source("dvclive", null);
        run.params(params(live.dir(), keyRoot));

        SeriesCollector series = new SeriesCollector();
        Set<String> keys = new HashSet<>();
        for (Path tsv : seriesFiles(live.seriesRoot())) {
            String metric = relativeKey(live.seriesRoot(), tsv).replaceFirst("\\.tsv$", "");
            TsvSeries.read(tsv, metric, series, context::warn);
            keys.add(metric);
        }
        if (live.summary().isPresent()) {
            SummaryJson summary = SummaryJson.read(live.summary().get());
            long step = summary.step() == null ? 0 : summary.step();
            summary.values().forEach((metric, value) -> {
                if (!keys.contains(metric)) {
                    series.add(metric, step, 0L, value);
                }
            });
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ImportedSeries s : series.series()) {
            run.metric(s);
            for (long t : s.timestamps()) {
                if (t > 0) {
                    first = Math.min(first, t);
                    last = Math.max(last, t);
                }
            }
        }
        if (first != Long.MAX_VALUE) {
            run.times(first, last);
        }
        return run.build();
    }

    /** Project params (nearest params.yaml from the run's parent up to the import root), then the run's own. */
    private static Map<String, String> params(Path dir, Path keyRoot) throws IOException, LogFileException {
        Map<String, String> out = new LinkedHashMap<>();
        Path root = keyRoot.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize().getParent(); d != null && d.startsWith(root);
             d = d.getParent()) {
            Path candidate = d.resolve(PARAMS);
            if (Files.isRegularFile(candidate)) {
                out.putAll(ParamFlattener.read(candidate));
                break;
            }
        }
        Path own = dir.resolve(PARAMS);
        if (Files.isRegularFile(own)) {
            out.putAll(ParamFlattener.read(own));
        }
        return out;
    }

    private static List<Path> seriesFiles(Path seriesRoot) throws IOException {
        if (!Files.isDirectory(seriesRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(seriesRoot)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".tsv"))
                    .sorted().toList();
        }
    }

    /** dvclive folders under {@code root}, sorted, looking at no more than {@code maxEntries} directories. */
    static List<DvcLiveRun> findRuns(Path root, int maxDepth, int maxEntries) throws IOException {
        List<DvcLiveRun> found = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(root, java.util.Set.of(), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (++seen[0] > maxEntries) {
                    return FileVisitResult.TERMINATE;
                }
                Optional<DvcLiveRun> run = DvcLiveRun.detect(dir);
                if (run.isPresent()) {
                    found.add(run.get());
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String name = String.valueOf(dir.getFileName());
                return name.startsWith(".") && !dir.equals(root) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort((a, b) -> a.dir().compareTo(b.dir()));
        return found;
    }

    static String relativeKey(Path root, Path target) {
        Path r = root.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        String key = r.relativize(t).toString().replace('\\', '/');
        return key.isEmpty() ? nameOf(t) : key;
    }

    private static String nameOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "dvclive" : name.toString();
    }
}
