package dev.cairn.app.importing;

import dev.cairn.plugin.bundle.BundleExporter;
import dev.cairn.store.TrackingStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * File → Export runs and {@code cairn export}: writes runs, everything included (attributes, params, tags, inputs,
 * artifact list, provenance, every metric point), to one {@code .cairn.zip}; importing it anywhere gives the same
 * runs bit for bit. The parents of exported runs are not added; a child whose parent is not in the bundle is
 * imported without the link (with a warning) unless the parent is already there.
 */
public final class BundleExport {
    /** The file name ending bundles carry. */
    public static final String EXTENSION = ".cairn.zip";

    private BundleExport() {
    }

    /**
     * Writes runs {@code runIds} (duplicates ignored) to {@code zip}, reporting progress in [0, 1]; returns the
     * number of runs written. The file appears only when complete.
     *
     * @throws IllegalArgumentException when no run is given or an id is unknown (the message names it)
     * @throws IOException              when the file cannot be written (the message names it)
     */
    public static int write(TrackingStore store, List<String> runIds, Path zip, DoubleConsumer progress)
            throws IOException {
        List<String> ids = List.copyOf(new LinkedHashSet<>(runIds));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no runs to export");
        }
        if (Files.isDirectory(zip)) {
            throw new IOException(zip + ": is a folder; give a file name such as runs" + EXTENSION);
        }
        try {
            return new BundleExporter(store).export(ids, zip, progress);
        } catch (IOException e) {
            throw new IOException(zip + ": cannot write the bundle (" + e.getMessage() + ")", e);
        }
    }
}
