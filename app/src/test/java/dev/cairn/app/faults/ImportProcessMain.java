package dev.cairn.app.faults;

import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.testing.ChildJvm;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An import through the importing API, as {@code cairn import} runs it, in its own OS process for the kill -9 test:
 * {@code STORE SOURCE KILL_AFTER_NS [AT_PROGRESS]} imports {@code SOURCE} into {@code STORE} and has the process sent
 * SIGKILL {@code KILL_AFTER_NS} nanoseconds after the import started or, with {@code AT_PROGRESS} n &gt; 0, after
 * the importer reported its n-th progress (one a run: the kill lands between or inside the runs' writes). It prints
 * {@code took <ns>} when the import returns with every run added (-1: no kill).
 */
public final class ImportProcessMain {
    private ImportProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path source = Path.of(args[1]);
        long killAfterNs = Long.parseLong(args[2]);
        int atProgress = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        // logging goes to a file beside the store: a full stderr pipe would stall the child
        System.setErr(new PrintStream(Files.newOutputStream(store.resolveSibling(store.getFileName() + ".err")),
                true));
        // the same import into a store of its own first: the import's classes are loaded (and its first logging
        // done) before the kill is timed, so the kill lands in the import, not in class loading
        importInto(store.resolveSibling("warm-up-" + ProcessHandle.current().pid() + ".db"), source,
                ImportListener.NONE);
        ChildJvm.SelfKiller killer = killAfterNs < 0 ? null : ChildJvm.selfKiller();
        long start = System.nanoTime();
        if (killer != null && atProgress <= 0) {
            killer.after(killAfterNs);
        }
        ImportSummary summary = importInto(store, source, new ImportListener() {
            private int progress;

            @Override
            public void progress(double fraction, String message) {
                if (killer != null && ++progress == atProgress) {
                    killer.after(killAfterNs);
                }
            }
        });
        if (summary.hasFailures()) {
            System.out.println("failed " + summary.headline());
        } else {
            ChildJvm.took(start);
        }
        ChildJvm.awaitKill(killAfterNs);
    }

    /** Imports {@code source} into {@code store} as {@code cairn import} does. */
    static ImportSummary importInto(Path store, Path source, ImportListener listener) {
        try (TrackingStore s = TrackingStore.open(store)) {
            return new ImportService(s, PluginLoader.loadDefault().importers())
                    .importPaths(List.of(source), ImportOptions.defaults(), listener);
        }
    }
}
