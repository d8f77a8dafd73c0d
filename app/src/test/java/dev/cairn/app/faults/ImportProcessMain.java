package dev.cairn.app.faults;

import dev.cairn.app.Main;
import dev.cairn.store.testing.ChildJvm;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cairn import} in its own OS process, for the kill -9 test: {@code STORE SOURCE KILL_AFTER_NS} imports
 * {@code SOURCE} into {@code STORE} and has the process sent SIGKILL {@code KILL_AFTER_NS} nanoseconds after the
 * import started ({@link ChildJvm#killSelfAfter}); it prints {@code took <ns>} when the import returns (exit 0).
 */
public final class ImportProcessMain {
    private ImportProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        String source = args[1];
        long killAfterNs = Long.parseLong(args[2]);
        // logging and the import's messages go to a file beside the store: a full stderr pipe would stall the child
        System.setErr(new PrintStream(Files.newOutputStream(store.resolveSibling(store.getFileName() + ".err")),
                true));
        PrintWriter out = new PrintWriter(System.err, true);
        // the same import into a store of its own first: the import's classes are loaded (and its first logging
        // done) before the kill is timed, so the kill lands in the import, not in class loading
        Path warmUp = store.resolveSibling("warm-up-" + ProcessHandle.current().pid() + ".db");
        if (Main.run(out, out, "import", "--store", warmUp.toString(), source) != 0) {
            throw new IllegalStateException("the warm-up import failed");
        }
        ChildJvm.killSelfAfter(killAfterNs);
        long start = System.nanoTime();
        int code = Main.run(out, out, "import", "--store", store.toString(), source);
        if (code == 0) {
            ChildJvm.took(start);
        } else {
            System.out.println("exit " + code);
            System.out.flush();
        }
        ChildJvm.awaitKill(killAfterNs);
    }
}
