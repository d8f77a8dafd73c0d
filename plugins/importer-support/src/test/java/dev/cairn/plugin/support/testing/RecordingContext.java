package dev.cairn.plugin.support.testing;

import dev.cairn.plugin.importer.ImportContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test context that keeps every warning and failure. */
public final class RecordingContext implements ImportContext {
    public final List<String> warnings = new ArrayList<>();
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

    @Override
    public Optional<String> experimentOverride() {
        return Optional.empty();
    }

    @Override
    public boolean dryRun() {
        return false;
    }
}
