package dev.cairn.app.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: registered models brought into the registry, ids of added, updated and unchanged (skipped) runs, failed sources with the reason, every
 * warning, and which importer read each path.
 */
public record ImportSummary(List<Source> sources, List<String> added, List<String> updated, List<String> unchanged,
                            List<Failure> failed, List<String> warnings, boolean dryRun, boolean cancelled,
                            List<Model> models) {

    /** A registered model the import brought into the registry, and what happened to it (added, updated, unchanged). */
    public record Model(String name, String outcome) {
    }

    /**
     * A path (a whole dropped path, or one sub-tree of a dropped project folder) and the importer that read it (null
     * when none could).
     *
     * @param runs  runs read from it (0 for a store with experiments and no runs), or null when not counted
     * @param group the folder whose parent run groups this sub-tree's runs with its siblings', or null
     */
    public record Source(String path, String importerId, String importerName, Integer runs, String group) {
        public Source(String path, String importerId, String importerName) {
            this(path, importerId, importerName, null, null);
        }

        /** "MLflow file store, 21 runs" (the runs when counted). */
        public String describe() {
            String name = importerName == null ? "not recognised" : importerName;
            return runs == null ? name : name + ", " + runs + " run" + (runs == 1 ? "" : "s");
        }
    }

    /** A file, folder or run that could not be imported, and why (naming the file and line or offset). */
    public record Failure(String source, String message) {
    }

    public ImportSummary {
        sources = List.copyOf(sources);
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** Ids of every run the import touched or found unchanged (to select them in the table). */
    public List<String> runIds() {
        List<String> all = new ArrayList<>(added);
        all.addAll(updated);
        all.addAll(unchanged);
        return all;
    }

    /** Unchanged runs, as the summary calls them. */
    public List<String> skipped() {
        return unchanged;
    }

    public boolean hasFailures() {
        return !failed.isEmpty();
    }

    /** One line for people: "12 added, 0 updated, 3 skipped, 1 failed, 2 warnings". */
    public String headline() {
        return (dryRun ? "dry run: " : "") + added.size() + " added, " + updated.size() + " updated, "
                + unchanged.size() + " skipped, " + failed.size() + " failed, " + warnings.size() + " warning"
                + (warnings.size() == 1 ? "" : "s")
                + (models.isEmpty() ? "" : ", " + models.size() + " registered model" + (models.size() == 1 ? "" : "s"))
                + (cancelled ? " (cancelled)" : "");
    }
}
