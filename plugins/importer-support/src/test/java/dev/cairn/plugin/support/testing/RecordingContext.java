package dev.cairn.plugin.support.testing;

import dev.cairn.plugin.importer.ImportContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test context that keeps every warning and failure. */
public final class RecordingContext implements ImportContext {
    public final List<String> warnings = new ArrayList<>();
    /** Each failure as {@code source | message}. */
    public final List<String> failures = new ArrayList<>();
    public double lastProgress = -2;

    @Override
    public void progress(double fraction, String message) {
        lastProgress = fraction;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void fail(String source, String message) {
        failures.add(source + " | " + message);
    }

    /** Each failure's message, without the source named before it. */
    public List<String> failureMessages() {
        return failures.stream().map(f -> f.substring(f.indexOf(" | ") + 3)).toList();
    }

    @Override
    public Optional<String> experimentOverride() {
        return Optional.empty();
    }

    @Override
    public boolean dryRun() {
        return false;
    }
}
