package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.importer.ImportContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test context that keeps every warning and failure. */
final class RecordingContext implements ImportContext {
    final List<String> warnings = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    double lastProgress = -2;

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
