package dev.cairn.app;

import dev.cairn.app.cli.BenchCommand;
import dev.cairn.app.cli.CliErrors;
import dev.cairn.app.cli.DemoCommand;
import dev.cairn.app.cli.ServeCommand;
import dev.cairn.app.cli.DriftCommand;
import dev.cairn.app.cli.ExperimentsCommand;
import dev.cairn.app.cli.ExportCommand;
import dev.cairn.app.cli.ImportCommand;
import dev.cairn.app.cli.LogCommand;
import dev.cairn.app.cli.MetricCommand;
import dev.cairn.app.cli.ModelCommand;
import dev.cairn.app.cli.ModelsCommand;
import dev.cairn.app.cli.MonitorCommand;
import dev.cairn.app.cli.PluginsCommand;
import dev.cairn.app.cli.RunsCommand;
import dev.cairn.app.cli.StoreAdminCommand;
import dev.cairn.app.cli.StoreOption;
import dev.cairn.app.desktop.DesktopApp;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.foreign.ForeignSqlite;
import dev.cairn.store.model.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * The {@code cairn} command: with no subcommand it opens the desktop window; subcommands work headless.
 * Errors go to stderr with exit code 1, usage errors 2.
 */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Cairn: experiment tracker and model registry.",
            "Without a command, opens the desktop window on the store."},
        subcommands = {ExperimentsCommand.class, RunsCommand.class, MetricCommand.class, LogCommand.class,
            BenchCommand.class, ServeCommand.class, DemoCommand.class, ImportCommand.class, ExportCommand.class,
            PluginsCommand.class, ModelsCommand.class, ModelCommand.class, DriftCommand.class, MonitorCommand.class,
            StoreAdminCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    StoreOption storeOption;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A store to open, or files to import first (e.g. a .cairn.zip bundle) before the window "
                + "opens on the store.")
    java.nio.file.Path file;

    /** JavaFX warns on every start that it runs from the class path, which is how Cairn ships it; kept strong. */
    private static final java.util.logging.Logger JAVAFX_PLATFORM_LOG =
            java.util.logging.Logger.getLogger("javafx");

    public static void main(String[] args) {
        JAVAFX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the command line on the process's stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The store option given to the root command (subcommands fall back to it). */
    public StoreOption storeOption() {
        return storeOption;
    }

    @Override
    public Integer call() {
        if (file == null) {
            return DesktopApp.launch(storeOption.location(null), storeOption.mode());
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException("No file at " + file + ".");
        }
        if (dev.cairn.store.foreign.ForeignSqlite.looksLikeSqlite(file) && isCairnStore(file)) {
            return DesktopApp.launch(dev.cairn.store.StoreLocation.of(file), storeOption.mode());
        }
        dev.cairn.store.StoreLocation store = storeOption.location(null);
        try (dev.cairn.store.TrackingStore opened = storeOption.open(null, true)) {
            var summary = new dev.cairn.app.importing.ImportService(opened,
                    dev.cairn.app.plugins.PluginLoader.loadDefault().importers())
                    .importPaths(java.util.List.of(file), dev.cairn.app.importing.ImportOptions.defaults(),
                            dev.cairn.app.importing.ImportListener.NONE);
            System.err.println("cairn: " + file.getFileName() + ": " + summary.headline());
        }
        return DesktopApp.launch(store, storeOption.mode());
    }

    private static boolean isCairnStore(java.nio.file.Path candidate) {
        try (dev.cairn.store.TrackingStore ignored = dev.cairn.store.TrackingStore.open(candidate,
                dev.cairn.store.StoreOptions.readOnly())) {
            return true;
        } catch (dev.cairn.store.model.StoreException e) {
            return false;
        }
    }

    /** Prints the version and the Java runtime. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cairn " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")};
        }
    }
}
