package dev.cairn.store;

import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * A store operation in its own OS process, for the kill -9 tests: {@code migrate STORE KILL_AFTER_NS} migrates an
 * older store as opening it does; {@code copy SOURCE TARGET KILL_AFTER_NS} copies a store into a new one. The
 * process is sent SIGKILL {@code KILL_AFTER_NS} nanoseconds after the operation started (a kill from the test
 * process would come late by its own scheduling delay, longer than these operations on a loaded machine); with -1
 * it prints {@code took <ns>} when the operation returns.
 */
public final class StoreOpsProcessMain {
    private StoreOpsProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        long killAfterNs = Long.parseLong(args[args.length - 1]);
        Path store = Path.of(args[1]);
        // the classes the operation needs are loaded first, and logging (its first use costs more than a migration),
        // so the kill lands in the operation, not in class loading
        TrackingStore.open(store.resolveSibling("warm-up-" + ProcessHandle.current().pid() + ".db")).close();
        org.slf4j.LoggerFactory.getLogger(StoreOpsProcessMain.class).info("warmed up");
        // a shell already waiting on its input kills this process (SIGKILL) the moment a line arrives: no fork then
        Process shell = killAfterNs < 0 ? null : new ProcessBuilder("/bin/sh", "-c",
                "read x; kill -9 " + ProcessHandle.current().pid()).start();
        long start = System.nanoTime();
        if (shell != null) {
            Thread killer = new Thread(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(killAfterNs - (System.nanoTime() - start));
                try {
                    shell.getOutputStream().write('\n');
                    shell.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            killer.setDaemon(true);
            killer.setPriority(Thread.MAX_PRIORITY);
            killer.start();
        }
        if (args[0].equals("migrate")) {
            // the migration alone, as TrackingStore.open runs it (the test opens the store afterwards)
            SqliteDialect dialect = new SqliteDialect(store);
            try (Connection c = dialect.connect(StoreMode.LOCAL, 5_000)) {
                new SchemaMigrator(dialect).migrate(c, StoreMode.LOCAL);
                took(start);
            }
        } else {
            try (TrackingStore source = TrackingStore.open(store, StoreOptions.readOnly());
                 TrackingStore target = TrackingStore.open(Path.of(args[2]))) {
                source.copyInto(target, table -> { });
                took(start);
            }
        }
        if (killAfterNs >= 0) {
            Thread.sleep(60_000); // the kill comes after the operation: wait for it
        }
    }

    private static void took(long start) {
        System.out.println("took " + (System.nanoTime() - start));
        System.out.flush();
    }
}
