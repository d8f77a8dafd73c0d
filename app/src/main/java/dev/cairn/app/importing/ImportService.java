package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.TrackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Imports files and folders from other trackers into a store: probes each path with every importer, uses the
 * most confident one (or the one the user forced), runs it with progress, cancellation and dry run, and returns a
 * summary of added / updated / skipped / failed runs and every warning. What the command line and the window's
 * drag-and-drop call. A zip no importer reads as such is unpacked and walked as a project folder.
 *
 * <p>A dropped folder is a project: {@link ProjectScan} finds every sub-tree an importer claims, each is imported
 * by its importer and listed in the summary with its run count (a failing sub-tree is named and the others still
 * import), and sibling single-run sub-trees are grouped under a parent run named after the folder holding them.
 * With {@link ImportOptions#atomic()} the whole import is one transaction of the store: nothing is stored when
 * anything failed.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    /** An importer and how sure it is that it can read a path. */
    public record Detection(RunImporter importer, double confidence) {
    }

    private final TrackingStore store;
    private final List<RunImporter> importers;
    private final ZipExpander zips;

    public ImportService(TrackingStore store, List<RunImporter> importers) {
        this(store, importers, new ZipExpander());
    }

    /** An import service unpacking dropped zips with {@code zips} (its limits and temporary folder). */
    ImportService(TrackingStore store, List<RunImporter> importers, ZipExpander zips) {
        this.store = store;
        this.importers = List.copyOf(importers);
        this.zips = zips;
    }

    /** The importers that can read {@code path}, most confident first (empty when none). */
    public List<Detection> detect(Path path) {
        List<Detection> out = new ArrayList<>();
        for (RunImporter importer : importers) {
            double c;
            try {
                c = importer.probe(path);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("importer {} failed to probe {}: {}", importer.id(), path, e.toString());
                continue;
            }
            if (c > 0) {
                out.add(new Detection(importer, c));
            }
        }
        out.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        return out;
    }

    /** The importer with id {@code id}; an error listing the known ids otherwise. */
    public RunImporter importer(String id) {
        return importers.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "' (known: "
                        + String.join(", ", importers.stream().map(RunImporter::id).toList()) + ")"));
    }

    public List<RunImporter> importers() {
        return importers;
    }

    /** Imports every path; never throws for bad input (failures are in the summary). */
    public ImportSummary importPaths(List<Path> paths, ImportOptions options, ImportListener listener) {
        if (options.atomic() && !options.dryRun()) {
            return importAtomically(paths, options, listener);
        }
        return importAll(paths, options, listener);
    }

    /**
     * Everything in one transaction of the store: when any source or run failed (or the import was cancelled) it is
     * rolled back, so nothing is stored; the summary keeps the failures and says so in a warning.
     */
    private ImportSummary importAtomically(List<Path> paths, ImportOptions options, ImportListener listener) {
        ImportSummary[] result = new ImportSummary[1];
        try {
            store.write(w -> {
                result[0] = importAll(paths, options, listener);
                if (result[0].hasFailures() || result[0].cancelled()) {
                    throw new RolledBack();
                }
            });
            return result[0];
        } catch (RolledBack e) {
            ImportSummary s = result[0];
            List<String> warnings = new ArrayList<>(s.warnings());
            int failed = s.failed().size();
            warnings.add("--atomic: nothing was imported because " + (s.cancelled() ? "the import was cancelled"
                    : failed + " source" + (failed == 1 ? "" : "s") + " failed"));
            return new ImportSummary(s.sources(), List.of(), List.of(), s.unchanged(), s.failed(), warnings,
                    false, s.cancelled(), List.of());
        }
    }

    /** Unwinds an atomic import's transaction. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("atomic import rolled back", null, false, false);
        }
    }

    private ImportSummary importAll(List<Path> paths, ImportOptions options, ImportListener listener) {
        RunImporter forced = options.format() == null ? null : importer(options.format());
        ImportReport report = new ImportReport(listener);
        boolean cancelled = false;
        for (int i = 0; i < paths.size(); i++) {
            if (listener.isCancelled()) {
                cancelled = true;
                break;
            }
            importPath(paths.get(i), forced, options, listener, report, i, paths.size());
        }
        cancelled |= listener.isCancelled();
        listener.progress(1, cancelled ? "cancelled" : "done");
        return report.summary(options.dryRun(), cancelled);
    }

    private void importPath(Path path, RunImporter forced, ImportOptions options, ImportListener listener,
                            ImportReport report, int index, int count) {
        if (!Files.exists(path)) {
            report.source(path.toString(), null, null);
            report.fail(path.toString(), path + ": no such file or folder");
            return;
        }
        if (forced == null && Files.isDirectory(path)) {
            List<ProjectScan.Source> sources;
            try {
                ProjectScan.Result scan = ProjectScan.scan(path, importers);
                sources = scan.sources();
                if (scan.truncated()) {
                    report.warn(path + ": stopped looking for runs after " + ProjectScan.MAX_ENTRIES
                            + " folders and files; import the folders holding runs one by one for the rest");
                }
            } catch (IOException e) {
                report.source(path.toString(), null, null);
                report.fail(path.toString(), path + ": cannot list folder (" + e.getMessage() + ")");
                return;
            }
            if (!sources.isEmpty()) {
                importProject(path, sources, options, listener, report, index, count);
                return;
            }
        }
        RunImporter importer = forced != null ? forced : best(path).orElse(null);
        if (importer == null && isZip(path)) {
            importZip(path, options, listener, report, index, count);
            return;
        }
        report.source(path.toString(), importer == null ? null : importer.id(),
                importer == null ? null : importer.displayName());
        if (importer == null) {
            report.fail(path.toString(), path + ": no importer recognises this (known formats: "
                    + String.join(", ", importers.stream().map(RunImporter::id).toList()) + ")");
            return;
        }
        run(importer, path, options, listener, report, index, count);
    }

    /** Imports each claimed sub-tree of a project folder with its importer, parents of groups first. */
    private void importProject(Path root, List<ProjectScan.Source> sources, ImportOptions options,
                               ImportListener listener, ImportReport report, int index, int count) {
        SourceSink.GroupRuns groups = new SourceSink.GroupRuns(root);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            if (listener.isCancelled()) {
                return;
            }
            ProjectScan.Source source = sources.get(i);
            RunImporter importer = source.importer();
            StoreImportSink store = new StoreImportSink(this.store, importer, options, report, seen);
            SourceSink sink = new SourceSink(store, groups, source.group());
            // progress of sub-tree i of n fills its share of this path's share: (index + (i + f) / n) / count
            int n = sources.size();
            ServiceImportContext context = new ServiceImportContext(report, listener, options, index * n + i,
                    count * n, root.toAbsolutePath().normalize());
            listener.progress((index + (double) i / sources.size()) / count, "reading " + root.relativize(
                    source.path()));
            boolean failed = false;
            try {
                importer.importFrom(source.path(), sink, context);
            } catch (ImportException e) {
                report.fail(source.path().toString(), e.getMessage());
                failed = true;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("importer {} failed on {}", importer.id(), source.path(), e);
                report.fail(source.path().toString(), source.path() + ": the " + importer.displayName()
                        + " importer failed (" + e + ")");
                failed = true;
            }
            report.source(source.path().toString(), importer.id(), importer.displayName(), failed ? 0 : sink.runs(),
                    source.group() == null ? null : source.group().toString());
        }
    }

    /**
     * A zip no importer reads as such (a zipped project, mlruns folder, ...) is unpacked and walked like the folder it
     * was: each claimed sub-tree goes to its importer. Paths in the summary, failures and warnings are shown inside
     * the zip ({@code runs.zip/mlruns}, listed under the dropped zip like a folder's sub-trees), not in the
     * temporary folder.
     */
    private void importZip(Path zip, ImportOptions options, ImportListener listener, ImportReport report, int index,
                           int count) {
        Path dir;
        try {
            dir = zips.expand(zip);
        } catch (IOException e) {
            report.source(zip.toString(), null, null);
            report.fail(zip.toString(), e.getMessage());
            return;
        }
        report.alias(dir.toString(), zip.toString());
        try {
            importPath(ZipExpander.projectRoot(dir), null, options, listener, report, index, count);
        } catch (IOException e) {
            report.source(zip.toString(), null, null);
            report.fail(zip.toString(), zip + ": cannot list the unpacked zip (" + e.getMessage() + ")");
        } finally {
            report.alias(null, null);
            ZipExpander.delete(dir);
        }
    }

    private void run(RunImporter importer, Path path, ImportOptions options, ImportListener listener,
                     ImportReport report, int index, int count) {
        StoreImportSink sink = new StoreImportSink(store, importer, options, report);
        ServiceImportContext context = new ServiceImportContext(report, listener, options, index, count);
        try {
            importer.importFrom(path, sink, context);
        } catch (ImportException e) {
            report.fail(path.toString(), e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("importer {} failed on {}", importer.id(), path, e);
            report.fail(path.toString(), path + ": the " + importer.displayName() + " importer failed ("
                    + e + ")");
        }
    }

    private Optional<RunImporter> best(Path path) {
        List<Detection> found = detect(path);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).importer());
    }

    private static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
