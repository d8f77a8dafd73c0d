package dev.cairn.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a {@code main} class of the test class path in a JVM of its own, for the kill -9 and multi-process tests:
 * its standard output is piped (the child reports progress there), its standard error too.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java -Xmx<heap> -cp <test class path> main args...}. */
    public static Process start(String heap, Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    /**
     * In the child: has this process sent SIGKILL {@code killAfterNs} nanoseconds from now (nothing when negative).
     * Call it once the operation's classes are loaded, just before the operation starts.
     */
    public static void killSelfAfter(long killAfterNs) throws IOException {
        if (killAfterNs >= 0) {
            selfKiller().after(killAfterNs);
        }
    }

    /**
     * In the child: a shell already waiting on its input, which kills this process (SIGKILL) the moment a line
     * arrives, so no fork delays the kill (a kill from the test process would come late by its own scheduling delay,
     * longer than the operations killed on a loaded machine). Arm it with {@link SelfKiller#after}, e.g. at a point
     * the operation reports.
     */
    public static SelfKiller selfKiller() throws IOException {
        return new SelfKiller(new ProcessBuilder("/bin/sh", "-c", "read x; kill -9 " + ProcessHandle.current().pid())
                .start());
    }

    /** A shell waiting to kill this process. */
    public static final class SelfKiller {
        private final Process shell;

        private SelfKiller(Process shell) {
            this.shell = shell;
        }

        /** Kills this process {@code ns} nanoseconds from now (a thread of top priority wakes the shell then). */
        public void after(long ns) {
            long start = System.nanoTime();
            Thread killer = new Thread(() -> {
                LockSupport.parkNanos(ns - (System.nanoTime() - start));
                try {
                    shell.getOutputStream().write('\n');
                    shell.getOutputStream().flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            killer.setDaemon(true);
            killer.setPriority(Thread.MAX_PRIORITY);
            killer.start();
        }
    }

    /** In the child: prints {@code took <ns since startNs>}, the operation's time, for the parent. */
    public static void took(long startNs) {
        System.out.println("took " + (System.nanoTime() - startNs));
        System.out.flush();
    }

    /** In the child, after the operation: waits for a pending self-kill (none when {@code killAfterNs} < 0). */
    public static void awaitKill(long killAfterNs) throws InterruptedException {
        if (killAfterNs >= 0) {
            Thread.sleep(60_000);
        }
    }
}
