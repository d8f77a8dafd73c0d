package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.ParamFlattener;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.plugin.support.LogFileException;

import dev.cairn.plugin.importer.ImportClaim;
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
 *
 * <p>A {@code dvc.yaml} is read for the metrics and plots it declares (relative to its folder, as DVC resolves
 * them; see {@link DeclaredOutputs}): those no dvclive folder holds are one run for the dvc.yaml's folder (or join
 * the run of that folder when it is a dvclive folder itself). The single-stage files of DVC 0.x ({@code Dvcfile},
 * {@code *.dvc}) whose outs are marked {@code metric: true} join their folder's run the same way; the folder's
 * dvc.yaml, else its first stage file by name, stands for them (see {@link DvcYaml#declarationIn}).
 *
 * <p>In a project tree it claims each dvclive folder (owning it when it holds nothing but dvclive's output; a
 * project root that is also a dvclive folder is claimed without its sub-trees, which other trackers may own) and
 * each folder's stage file standing for declared data no dvclive folder holds.
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
                if (standsForItsFolder(path)) {
                    return declaresData(path) ? 0.95 : 0;
                }
                return name.equals("dvclive.json") || name.equals("metrics.json")
                        && DvcLiveRun.detect(path.toAbsolutePath().getParent()).isPresent() ? 0.8 : 0;
            }
            if (!Files.isDirectory(path)) {
                return 0;
            }
            if (DvcLiveRun.detect(path).isPresent()) {
                return 0.9;
            }
            Found found = find(path, 3, 2000);
            return found.runs().isEmpty() && found.yamls().stream().noneMatch(DvcLiveImporter::declaresData) ? 0
                    : 0.85;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A dvclive folder, owning its sub-tree only when it holds nothing but dvclive's output (a project root that is
     * a dvclive folder too keeps its other sub-trees for other importers, and is read with the runs below it); a
     * {@code dvc.yaml} declaring metrics or plots no dvclive folder holds (a broken one too, so it is named).
     */
    @Override
    public ImportClaim claim(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return standsForItsFolder(path) && declaresData(path)
                        ? new ImportClaim(0.95, false, true) : ImportClaim.NONE;
            }
            if (Files.isDirectory(path) && DvcLiveRun.detect(path).isPresent()) {
                boolean own = onlyDvcLiveOutput(path);
                return new ImportClaim(0.9, own, own);
            }
            return ImportClaim.NONE;
        } catch (IOException | RuntimeException e) {
            return ImportClaim.NONE;
        }
    }

    /** What dvclive writes into its folder; anything else makes the folder a project holding a dvclive run. */
    private static final Set<String> DVCLIVE_ENTRIES = Set.of("metrics.json", "params.yaml", "plots", "scalars",
            "report.html", "report.md", "dvc.yaml", "artifacts", "images", "static", "models");

    private static boolean onlyDvcLiveOutput(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(c -> String.valueOf(c.getFileName()))
                    .allMatch(n -> n.startsWith(".") || DVCLIVE_ENTRIES.contains(n));
        }
    }

    /**
     * True when {@code file} is the stage file standing for its folder's declarations: its dvc.yaml, else its first
     * DVC 0.x stage file (the others are read with it).
     */
    private static boolean standsForItsFolder(Path file) throws IOException {
        if (!DvcYaml.isStageFile(file)) {
            return false;
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return file.toAbsolutePath().normalize().equals(DvcYaml.declarationIn(dir));
    }

    /** True when the stage files declare data no dvclive folder holds, or cannot be read (to be named as failed). */
    private static boolean declaresData(Path yaml) {
        try {
            return !DeclaredOutputs.of(DvcYaml.read(yaml)).isEmpty();
        } catch (LogFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        boolean yamlGiven = Files.isRegularFile(path) && DvcYaml.isStageFile(path);
        if (yamlGiven && !declaresData(path)) {
            throw new ImportException(path + ": declares no metrics or plots beyond what a dvclive folder holds "
                    + "(import the folder holding it for those runs)");
        }
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
        Found found;
        try {
            found = yamlGiven ? new Found(List.of(), List.of(path.toAbsolutePath().normalize()))
                    : find(start, Integer.MAX_VALUE, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        // dvc.yaml files: those in a dvclive folder join its run, the others are a run of their folder
        Map<Path, Path> yamlOfRun = new LinkedHashMap<>();
        List<Path> yamlRuns = new ArrayList<>();
        Set<Path> runDirs = new HashSet<>();
        found.runs().forEach(r -> runDirs.add(r.dir().toAbsolutePath().normalize()));
        for (Path yaml : found.yamls()) {
            Path dir = yaml.toAbsolutePath().normalize().getParent();
            if (runDirs.contains(dir)) {
                yamlOfRun.put(dir, yaml);
            } else if (yamlGiven || declaresData(yaml)) {
                yamlRuns.add(yaml);
            }
        }
        if (found.runs().isEmpty() && yamlRuns.isEmpty()) {
            throw new ImportException(path + ": no dvclive output (a folder with scalars/ or plots/metrics/) or "
                    + "dvc.yaml (or DVC stage file) declaring metrics or plots found");
        }
        Path root = start.toAbsolutePath().normalize();
        boolean rootIsRun = found.runs().size() + yamlRuns.size() == 1 && (found.runs().isEmpty()
                ? yamlRuns.get(0).toAbsolutePath().normalize().getParent()
                : found.runs().get(0).dir().toAbsolutePath().normalize()).equals(root);
        Path keyRoot = context.projectRoot().orElse(rootIsRun && root.getParent() != null ? root.getParent() : root);
        String experiment = context.experimentOverride().orElseGet(() -> nameOf(keyRoot));
        int total = found.runs().size() + yamlRuns.size();
        int done = 0;
        for (DvcLiveRun live : found.runs()) {
            if (context.isCancelled()) {
                return;
            }
            String key = relativeKey(keyRoot, live.dir());
            context.progress((double) done++ / total, "dvclive run " + key);
            Path yaml = yamlOfRun.get(live.dir().toAbsolutePath().normalize());
            write(sink, context, live.dir(), () -> readRun(experiment, key, live, yaml, keyRoot, context));
        }
        for (Path yaml : yamlRuns) {
            if (context.isCancelled()) {
                return;
            }
            Path dir = yaml.toAbsolutePath().normalize().getParent();
            String key = relativeKey(keyRoot, dir);
            context.progress((double) done++ / total, "dvc.yaml run " + key);
            write(sink, context, yaml, () -> readYamlRun(experiment, key, yaml, keyRoot, context));
        }
        context.progress(1, "dvclive import done");
    }

    /** Reads one run; a file that cannot be read fails that run only. */
    private interface RunReader {
        ImportedRun read() throws IOException, LogFileException;
    }

    private static void write(ImportSink sink, ImportContext context, Path source, RunReader reader) {
        try {
            ImportedRun run = reader.read();
            if (run != null) {
                sink.write(run);
            }
        } catch (LogFileException e) {
            context.fail(source.toString(), e.getMessage() + "; run not imported");
        } catch (IOException e) {
            context.fail(source.toString(), "cannot read " + e.getMessage() + "; run not imported");
        }
    }

    /** The run of a dvc.yaml's folder: its declared data no dvclive folder holds; null when there is none. */
    private ImportedRun readYamlRun(String experiment, String key, Path yaml, Path keyRoot, ImportContext context)
            throws IOException, LogFileException {
        DeclaredOutputs declared = DeclaredOutputs.of(DvcYaml.read(yaml));
        if (declared.isEmpty()) {
            declared.skipped().forEach(context::warn);
            return null;
        }
        Path dir = yaml.toAbsolutePath().normalize().getParent();
        ImportedRun.Builder run = ImportedRun.builder(experiment, runId(experiment, key))
                .name(key)
                .sourceRef(dir.toUri().toString())
                .source(Files.isRegularFile(dir.resolve(DvcYaml.NAME)) ? "dvc.yaml" : "dvc", null);
        run.params(params(dir, keyRoot));
        SeriesCollector series = new SeriesCollector();
        declared.read(series, context::warn);
        return finish(run, series);
    }

    private ImportedRun readRun(String experiment, String key, DvcLiveRun live, Path yaml, Path keyRoot,
                                ImportContext context) throws IOException, LogFileException {
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
        if (yaml != null) { // the folder's dvc.yaml declares more data than dvclive wrote here
            SeriesCollector extra = new SeriesCollector();
            DeclaredOutputs.of(DvcYaml.read(yaml)).read(extra, context::warn);
            for (ImportedSeries s : extra.series()) {
                if (keys.add(s.key())) {
                    for (int i = 0; i < s.steps().length; i++) {
                        series.add(s.key(), s.steps()[i], s.timestamps()[i], s.values()[i]);
                    }
                }
            }
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
        return finish(run, series);
    }

    private static ImportedRun finish(ImportedRun.Builder run, SeriesCollector series) {
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

    /** The dvclive folders and dvc.yaml files under a folder, sorted. */
    record Found(List<DvcLiveRun> runs, List<Path> yamls) {
    }

    /** dvclive folders under {@code root}, sorted, looking at no more than {@code maxEntries} directories. */
    static List<DvcLiveRun> findRuns(Path root, int maxDepth, int maxEntries) throws IOException {
        return find(root, maxDepth, maxEntries).runs();
    }

    /**
     * dvclive folders and dvc.yaml files under {@code root}, looking at no more than {@code maxEntries}
     * directories; below a dvclive folder holding only dvclive's output nothing more is looked for.
     */
    static Found find(Path root, int maxDepth, int maxEntries) throws IOException {
        List<DvcLiveRun> found = new ArrayList<>();
        List<Path> yamls = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(root, java.util.Set.of(), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (++seen[0] > maxEntries) {
                    return FileVisitResult.TERMINATE;
                }
                String name = String.valueOf(dir.getFileName());
                if (name.startsWith(".") && !dir.equals(root)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path declaration = DvcYaml.declarationIn(dir);
                if (declaration != null) {
                    yamls.add(declaration.toAbsolutePath().normalize());
                }
                Optional<DvcLiveRun> run = DvcLiveRun.detect(dir);
                if (run.isPresent()) {
                    found.add(run.get());
                    return onlyDvcLiveOutput(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort((a, b) -> a.dir().compareTo(b.dir()));
        yamls.sort(null);
        return new Found(found, yamls);
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
