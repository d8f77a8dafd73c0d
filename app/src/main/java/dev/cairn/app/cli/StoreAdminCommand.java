package dev.cairn.app.cli;

import dev.cairn.plugin.support.ByteCount;
import dev.cairn.app.StoreLocator;
import dev.cairn.store.StoreInfo;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cairn store info [--json]} and {@code cairn store copy --from SRC --to DST}: what a store holds, and a whole
 * store copied between any two backends (SQLite file or PostgreSQL database).
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Inspect a store or copy it to another one.",
        subcommands = {StoreAdminCommand.Info.class, StoreAdminCommand.Copy.class})
public final class StoreAdminCommand extends StoreCommand {

    @Override
    public Integer call() {
        throw new CliErrors.UsageException("missing subcommand (info or copy)");
    }

    /** {@code cairn store info [--json]}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print the store's backend, schema version, counts and size.")
    public static final class Info extends StoreCommand {
        @Option(names = "--json", description = "Print {backend, location, schemaVersion, experiments, runs, "
                + "metricPoints, models, sizeBytes, seriesBytes}.")
        boolean json;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                StoreInfo info = store.info();
                if (json) {
                    out().println(Json.write(json(info)));
                    return 0;
                }
                out().printf(Locale.ROOT, "backend         %s%n", info.backend());
                out().printf(Locale.ROOT, "location        %s%n", info.location());
                out().printf(Locale.ROOT, "schema version  %d%n", info.schemaVersion());
                out().printf(Locale.ROOT, "experiments     %,d%n", info.experiments());
                out().printf(Locale.ROOT, "runs            %,d%n", info.runs());
                out().printf(Locale.ROOT, "metric points   %,d%n", info.metricPoints());
                out().printf(Locale.ROOT, "models          %,d%n", info.models());
                out().printf(Locale.ROOT, "size            %s (series %s)%n", ByteCount.format(info.sizeBytes()),
                        ByteCount.format(info.seriesBytes()));
                return 0;
            }
        }

        static Map<String, Object> json(StoreInfo info) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("backend", info.backend());
            o.put("location", info.location());
            o.put("schemaVersion", info.schemaVersion());
            o.put("experiments", info.experiments());
            o.put("runs", info.runs());
            o.put("metricPoints", info.metricPoints());
            o.put("models", info.models());
            o.put("sizeBytes", info.sizeBytes());
            o.put("seriesBytes", info.seriesBytes());
            return o;
        }
    }

    /** {@code cairn store copy --from SRC --to DST}. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy a whole store (runs, series bit for bit, registry history, drift data) into a new "
                + "or empty store, between any two backends. All or nothing."})
    public static final class Copy extends StoreCommand {
        @Option(names = "--from", required = true, paramLabel = "SRC", description = "Store to copy (file or URI).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DST",
                description = "New or empty store to copy into (file or postgresql://user@host:5432/db).")
        String to;

        @Override
        public Integer call() {
            StoreLocation source = StoreLocator.resolve(from, Map.of());
            StoreLocation target = StoreLocator.resolve(to, Map.of());
            if (source.equals(target)) {
                throw new IllegalArgumentException("--from and --to name the same store.");
            }
            long start = System.nanoTime();
            boolean newFile = target instanceof StoreLocation.SqliteFile f && !Files.exists(f.path());
            try (TrackingStore src = TrackingStore.open(source, StoreOptions.readOnly().withCreate(false))) {
                try (TrackingStore dst = TrackingStore.open(target, StoreOptions.local())) {
                    src.copyInto(dst, part -> { });
                    StoreInfo info = dst.info();
                    out().printf(Locale.ROOT, "Copied %,d runs, %,d metric points and %,d models from %s to %s in "
                            + "%.1f s.%n", info.runs(), info.metricPoints(), info.models(), source.describe(),
                            target.describe(), (System.nanoTime() - start) / 1e9);
                    return 0;
                } catch (RuntimeException e) {
                    if (newFile) {
                        deleteQuietly(((StoreLocation.SqliteFile) target).path());
                    }
                    throw e;
                }
            }
        }

        /** Removes a store file this command created before the copy failed (with its WAL files). */
        private static void deleteQuietly(Path file) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    // the copy's own error is the one to report
                }
            }
        }
    }
}
