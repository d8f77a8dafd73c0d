package dev.cairn.store;

import java.nio.file.Path;

/**
 * A store operation in its own OS process, for the kill -9 tests: {@code migrate STORE} opens (so migrates) an older
 * store; {@code copy SOURCE TARGET} copies a store into a new one. Prints {@code start} right before the operation
 * and {@code done} after it.
 */
public final class StoreOpsProcessMain {
    private StoreOpsProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        // the classes the operation needs are loaded first, so the kill lands in the operation, not in class loading
        TrackingStore.open(Path.of(args[args.length - 1]).resolveSibling("warm-up-" + ProcessHandle.current().pid()
                + ".db")).close();
        if (args[0].equals("migrate")) {
            System.out.println("start");
            System.out.flush();
            TrackingStore store = TrackingStore.open(Path.of(args[1]));
            done();
            store.close();
        } else {
            try (TrackingStore source = TrackingStore.open(Path.of(args[1]), StoreOptions.readOnly());
                 TrackingStore target = TrackingStore.open(Path.of(args[2]))) {
                System.out.println("start");
                System.out.flush();
                source.copyInto(target, table -> { });
                done();
            }
        }
    }

    /** Printed as soon as the operation returned (before the stores are closed). */
    private static void done() {
        System.out.println("done");
        System.out.flush();
    }
}
