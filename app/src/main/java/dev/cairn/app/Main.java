package dev.cairn.app;

import dev.cairn.app.cli.BenchCommand;
import dev.cairn.app.cli.CliErrors;
import dev.cairn.app.cli.DemoCommand;
import dev.cairn.app.cli.DriftCommand;
import dev.cairn.app.cli.ExperimentsCommand;
import dev.cairn.app.cli.ExportCommand;
import dev.cairn.app.cli.ImportCommand;
import dev.cairn.app.cli.LogCommand;
import dev.cairn.app.cli.MetricCommand;
import dev.cairn.app.cli.ModelCommand;
import dev.cairn.app.cli.ModelsCommand;
import dev.cairn.app.cli.PluginsCommand;
import dev.cairn.app.cli.RunsCommand;
import dev.cairn.app.cli.StoreOption;
import dev.cairn.app.desktop.DesktopApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * The {@code cairn} command: with no subcommand it opens the desktop window; subcommands work headless.
 * Errors go to stderr with exit code 1, usage errors 2.
 */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Cairn: experiment tracker and model registry.",
            "Without a command, opens the desktop window on the store."},
        subcommands = {ExperimentsCommand.class, RunsCommand.class, MetricCommand.class, LogCommand.class,
            BenchCommand.class, DemoCommand.class, ImportCommand.class, ExportCommand.class, PluginsCommand.class,
            ModelsCommand.class, ModelCommand.class, DriftCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    StoreOption storeOption;

    public static void main(String[] args) {
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
        return DesktopApp.launch(storeOption.path(null), storeOption.mode());
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
