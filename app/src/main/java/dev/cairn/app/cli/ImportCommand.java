package dev.cairn.app.cli;

import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn import PATH... [--format ID] [--experiment NAME] [--dry-run] [--atomic] [--json] [--watch]}: imports
 * other trackers' files (format found by probing). Each run is stored whole or not at all; when some fail, the
 * others are stored, each failure is named on stderr with file and line, the headline says "N added, ..., M failed"
 * and the exit code is 1. With {@code --atomic} the whole import is one transaction: nothing is stored when anything
 * fails. A read-only store is refused once, up front.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import runs from MLflow, TensorBoard, CSV loggers, DVC, Hugging Face Trainer, Optuna, Sacred,",
            "Weights & Biases or a Cairn bundle. A folder is searched whole: each sub-tree goes to the importer that",
            "reads it. The format is detected; importing the same files again changes nothing."})
public final class ImportCommand extends StoreCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or zips to import.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "ID", description = "Use this importer instead of detecting one "
            + "(see 'cairn plugins').")
    String format;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Put every run into this experiment.")
    String experiment;

    @Option(names = "--dry-run", description = "Read and count, write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = {"Print the summary as one JSON object per import:",
        "  {\"dryRun\": bool, \"cancelled\": bool, \"sources\": [{\"path\", \"format\", \"runs\"}],",
        "   \"added\": [run id...], \"updated\": [run id...], \"skipped\": [run id...],",
        "   \"failed\": [{\"source\", \"message\"}], \"warnings\": [text...],",
        "   \"models\": [{\"name\", \"outcome\": added|updated|unchanged|failed}]}",
        "With --watch, one line per import that changed something."})
    boolean json;

    @Option(names = "--atomic", description = "Import everything in one transaction: when any run or source "
            + "fails, nothing is stored.")
    boolean atomic;

    @Option(names = "--watch", description = "Keep importing new points every few seconds until stopped "
            + "(Ctrl+C).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "3",
            description = "Seconds between imports with --watch (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Override
    public Integer call() {
        if (watch && dryRun) {
            throw new CliErrors.UsageException("--watch and --dry-run do not go together");
        }
        if (watch && atomic) {
            throw new CliErrors.UsageException("--watch and --atomic do not go together");
        }
        java.nio.file.Path created = newStoreFile();
        boolean keepStore = false;
        try (TrackingStore store = openStore(!dryRun)) {
            if (!dryRun && store.mode() == dev.cairn.store.StoreMode.READ_ONLY) {
                throw new dev.cairn.store.model.StoreReadOnlyException(store.location().describe()
                        + " is read-only: nothing imported.");
            }
            ImportService service = new ImportService(store, PluginLoader.loadDefault().importers());
            ImportOptions options = new ImportOptions(format, experiment, dryRun, atomic);
            if (format != null) {
                service.importer(format);
            }
            ImportSummary summary = service.importPaths(paths, options, ImportListener.NONE);
            keepStore = !summary.added().isEmpty() || !summary.updated().isEmpty() || !summary.models().isEmpty();
            print(summary);
            if (watch) {
                watch(service, options, summary);
            }
            return summary.hasFailures() ? 1 : 0;
        } finally {
            if (created != null && !keepStore) {
                deleteQuietly(created); // a failed import into a missing store leaves no empty store behind
            }
        }
    }

    /** The store file this import would create (a SQLite store that does not exist yet), else null. */
    private java.nio.file.Path newStoreFile() {
        if (dryRun) {
            return null;
        }
        dev.cairn.store.StoreLocation location = storeLocation();
        if (location instanceof dev.cairn.store.StoreLocation.SqliteFile file
                && !java.nio.file.Files.exists(file.path())) {
            return file.path();
        }
        return null;
    }

    private static void deleteQuietly(java.nio.file.Path store) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(store + suffix));
            } catch (java.io.IOException e) {
                LOG.warn("could not remove {}{}: {}", store, suffix, e.getMessage());
            }
        }
    }

    /**
     * Imports again every interval until the thread is interrupted or the JVM is asked to stop (Ctrl+C, which runs
     * a shutdown hook that interrupts this thread and waits for the closing line).
     */
    private void watch(ImportService service, ImportOptions options, ImportSummary first) {
        Thread watcher = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            watcher.interrupt();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cairn-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int imports = 1;
        int added = first.added().size();
        int updated = first.updated().size();
        if (!json) {
            out().println("watching " + paths.size() + " path" + (paths.size() == 1 ? "" : "s") + " every "
                    + intervalSeconds + " s; Ctrl+C stops");
            out().flush();
        }
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Math.max(100L, (long) (intervalSeconds * 1000)));
                ImportSummary next = service.importPaths(paths, options, ImportListener.NONE);
                imports++;
                added += next.added().size();
                updated += next.updated().size();
                if (!next.added().isEmpty() || !next.updated().isEmpty() || next.hasFailures()) {
                    print(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!json) {
                out().println("watch stopped after " + imports + " imports: " + added + " runs added, " + updated
                        + " updated");
                out().flush();
            }
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                LOG.debug("JVM is shutting down; the stop hook is running");
            }
        }
    }

    private void print(ImportSummary s) {
        PrintWriter out = out();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(Json.write(toJson(s)));
            out.flush();
            return;
        }
        for (ImportSummary.Source src : s.sources()) {
            out.println(src.path() + ": " + src.describe());
        }
        for (ImportSummary.Model m : s.models()) {
            out.println("model " + m.name() + ": " + m.outcome());
        }
        out.flush();
        for (String w : s.warnings()) {
            err.println("warning: " + w);
        }
        for (ImportSummary.Failure f : s.failed()) {
            err.println("failed: " + f.message());
        }
        err.flush();
        (s.hasFailures() ? err : out).println(s.headline());
        out.flush();
        err.flush();
    }

    /** The public JSON shape of an import summary. */
    static Map<String, Object> toJson(ImportSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", s.dryRun());
        m.put("cancelled", s.cancelled());
        m.put("sources", s.sources().stream().map(src -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", src.path());
            x.put("format", src.importerId());
            if (src.runs() != null) {
                x.put("runs", src.runs());
            }
            return x;
        }).toList());
        m.put("added", s.added());
        m.put("updated", s.updated());
        m.put("skipped", s.unchanged());
        m.put("failed", s.failed().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source", f.source());
            x.put("message", f.message());
            return x;
        }).toList());
        m.put("warnings", s.warnings());
        m.put("models", s.models().stream().map(x -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("name", x.name());
            y.put("outcome", x.outcome());
            return y;
        }).toList());
        return m;
    }
}
