package dev.cairn.app.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Runs an {@code --on-alert} command through the shell ({@code sh -c}, {@code cmd /c} on Windows) with one alert's
 * JSON on its standard input; its output is handed back as text.
 */
public final class AlertHook {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertHook.class);
    private final String command;

    /** The outcome of one run. */
    public record Outcome(int exitCode, String output) {
    }

    public AlertHook(String command) {
        this.command = command;
    }

    public Outcome run(String alertJson) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        ProcessBuilder pb = new ProcessBuilder(windows ? List.of("cmd", "/c", command) : List.of("sh", "-c", command))
                .redirectErrorStream(true);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(alertJson.getBytes(StandardCharsets.UTF_8));
            in.write('\n');
        } catch (IOException e) {
            LOG.debug("--on-alert command did not read the alert: {}", e.getMessage()); // it need not read it
        }
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Outcome(p.waitFor(), output);
    }
}
