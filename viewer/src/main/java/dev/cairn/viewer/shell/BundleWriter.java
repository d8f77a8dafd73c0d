package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/** Writes runs, series included, to one {@code .cairn.zip} bundle (provided by the app). Called off the FX thread. */
@FunctionalInterface
public interface BundleWriter {
    void write(TrackingStore store, List<String> runIds, Path zip, DoubleConsumer progress) throws Exception;
}
