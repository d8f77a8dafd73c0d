package dev.cairn.store;

import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.testing.ChildJvm;

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
        ChildJvm.killSelfAfter(killAfterNs);
        long start = System.nanoTime();
        if (args[0].equals("migrate")) {
            // the migration alone, as TrackingStore.open runs it (the test opens the store afterwards)
            SqliteDialect dialect = new SqliteDialect(store);
            try (Connection c = dialect.connect(StoreMode.LOCAL, 5_000)) {
                new SchemaMigrator(dialect).migrate(c, StoreMode.LOCAL);
                ChildJvm.took(start);
            }
        } else {
            try (TrackingStore source = TrackingStore.open(store, StoreOptions.readOnly());
                 TrackingStore target = TrackingStore.open(Path.of(args[2]))) {
                source.copyInto(target, table -> { });
                ChildJvm.took(start);
            }
        }
        ChildJvm.awaitKill(killAfterNs);
    }
}
