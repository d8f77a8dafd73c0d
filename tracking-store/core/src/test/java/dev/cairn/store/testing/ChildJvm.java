package dev.cairn.store.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
}
