package dev.cairn.plugin.importer;

/**
 * What an importer claims of one path of a dropped project tree (since API 1.3): Cairn walks the tree once, asks
 * every importer to {@link RunImporter#claim claim} each folder and file, and hands each claimed path to its
 * importer's {@link RunImporter#importFrom importFrom}.
 *
 * @param confidence  how sure the importer is, as for {@link RunImporter#probe}; 0 = not claimed. When several
 *                    importers claim the same path, the most confident reads it (and any within 0.03 of it)
 * @param ownsSubtree nothing below the path belongs to another importer (a run folder, an MLflow store: their
 *                    artifacts are never offered to other importers). The claiming importer itself is never
 *                    offered paths below its own claim: its {@code importFrom} reads everything under it
 * @param singleRun   the path holds exactly one run; sibling single-run paths (per-seed or per-fold folders) are
 *                    grouped under a parent run named after the folder that holds them
 */
public record ImportClaim(double confidence, boolean ownsSubtree, boolean singleRun) {
    /** Not claimed. */
    public static final ImportClaim NONE = new ImportClaim(0, false, false);

    public ImportClaim {
        if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0, 1], not " + confidence);
        }
    }

    /** A folder or file holding one run, owning what is below it. */
    public static ImportClaim run(double confidence) {
        return new ImportClaim(confidence, true, true);
    }

    /** A store holding many runs (an MLflow store, a database), owning what is below it. */
    public static ImportClaim store(double confidence) {
        return new ImportClaim(confidence, true, false);
    }

    /** True when claimed at all. */
    public boolean claimed() {
        return confidence > 0;
    }
}
