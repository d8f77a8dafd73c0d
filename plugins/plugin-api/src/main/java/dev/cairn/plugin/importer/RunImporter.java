package dev.cairn.plugin.importer;

import java.nio.file.Path;

/**
 * Reads another tracker's files into Cairn. Registered as a {@link java.util.ServiceLoader} service
 * ({@code META-INF/services/dev.cairn.plugin.importer.RunImporter}).
 *
 * <p>Cairn probes a dropped file with every importer and uses the most confident one (the user may force one
 * by {@link #id()}); a dropped folder is walked and each sub-tree an importer {@link #claim claims} goes to it. An importer never writes the store directly: it hands each run to the {@link ImportSink},
 * which writes it in one transaction with Cairn's merge rules (same source, same run id; only new points added).
 */
public interface RunImporter {

    /** Stable id used by {@code cairn import --format ID}, e.g. {@code mlflow-file}, {@code tensorboard}. */
    String id();

    /** Name shown to users, e.g. "MLflow file store". */
    String displayName();

    /** The importer's version, recorded in each imported run's provenance. */
    String version();

    /**
     * How sure this importer is that it can read {@code path} (a file or folder): 0 = not at all, 1 = certain.
     * Must be fast (look at names and a few bytes, never parse everything) and must not throw.
     */
    double probe(Path path);

    /**
     * Whether {@code path}, met while Cairn walks a dropped project tree, is one source this importer reads as a
     * whole: a run folder, a store, a database, a log file (since API 1.3). Must be fast and local (look at the path
     * and its direct children, never walk below) and must not throw. The default claims what {@link #probe} is
     * certain of ({@code >= 0.9}) as one run owning its folder.
     */
    default ImportClaim claim(Path path) {
        double c = probe(path);
        return c >= 0.9 ? ImportClaim.run(Math.min(1, c)) : ImportClaim.NONE;
    }

    /**
     * Imports everything under {@code path} into {@code sink}. A bad file is reported through
     * {@link ImportContext#fail} or {@link ImportContext#warn} (with its path and line or byte offset) and the
     * other runs still import; throw {@link ImportException} only when nothing at all can be read.
     */
    void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException;
}
