package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;

import java.nio.file.Path;
import java.util.List;

/**
 * What the app's importers offer the window (drag-and-drop and File → Import…). The viewer does not know the
 * importers; the app implements this over its import service. Both methods run on a background thread.
 */
public interface ImportActions {

    /** False when no importer is installed (import menu items are then disabled). */
    boolean available();

    /** Display names of the formats that can read {@code path}, most confident first; empty when none can. */
    List<String> detect(Path path);

    /**
     * Imports {@code paths} into {@code store} (or only reads and counts them when {@code dryRun}). Never throws for
     * bad input: failures and warnings are in the result.
     */
    ImportResult importPaths(TrackingStore store, List<Path> paths, boolean dryRun, ImportProgress progress);

    /** No importers. */
    ImportActions NONE = new ImportActions() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<String> detect(Path path) {
            return List.of();
        }

        @Override
        public ImportResult importPaths(TrackingStore store, List<Path> paths, boolean dryRun,
                                        ImportProgress progress) {
            throw new UnsupportedOperationException("No importers are installed.");
        }
    };
}
