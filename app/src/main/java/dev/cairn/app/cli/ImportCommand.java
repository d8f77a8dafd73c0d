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
 * {@code cairn import PATH... [--format ID] [--experiment NAME] [--dry-run] [--atomic] [--json] [--watch]}: imports other
 * trackers' files (format found by probing). Exit code 0 when nothing failed, 1 when some source failed.
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

    @Option(names = "--atomic", description = "All or nothing: read and check every source first; write nothing "
            + "if any of them fails.")
    boolean atomic;

    @Option(names = "--json", description = {"Print the summary as one JSON object per import:",
        "  {\"dryRun\": bool, \"cancelled\": bool, \"sources\": [{\"path\", \"format\", \"runs\"}],",
        "   \"added\": [run id...], \"updated\": [run id...], \"skipped\": [run id...],",
        "   \"failed\": [{\"source\", \"message\"}], \"warnings\": [text...],",
        "   \"models\": [{\"name\", \"outcome\": added|updated|unchanged|failed}]}",
        "With --watch, one line per import that changed something."})
    boolean json;

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
        try (TrackingStore store = openStore(!dryRun)) {
            ImportService service = new ImportService(store, PluginLoader.loadDefault().importers());
            ImportOptions options = new ImportOptions(format, experiment, dryRun, atomic);
            if (format != null) {
                service.importer(format);
            }
            ImportSummary summary = service.importPaths(paths, options, ImportListener.NONE);
            print(summary);
            if (watch) {
                watch(service, options, summary);
            }
            return summary.hasFailures() ? 1 : 0;
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
        for (String w : s.warnings()) {
            out.println("warning: " + w);
        }
        for (ImportSummary.Failure f : s.failed()) {
            out.println("failed: " + f.message());
        }
        out.println(s.headline());
        out.flush();
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
