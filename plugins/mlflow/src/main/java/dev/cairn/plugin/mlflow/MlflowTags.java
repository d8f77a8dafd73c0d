package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportedRun;

import java.util.Map;

/** MLflow's system tags that carry run attributes, and how they map onto an imported run. */
final class MlflowTags {
    static final String RUN_NAME = "mlflow.runName";
    static final String PARENT = "mlflow.parentRunId";
    static final String USER = "mlflow.user";
    static final String SOURCE_NAME = "mlflow.source.name";
    static final String SOURCE_COMMIT = "mlflow.source.git.commit";
    static final String NOTE = "mlflow.note.content";
    static final String DATA_CONTEXT = "mlflow.data.context";

    private MlflowTags() {
    }

    /** Fills name, user, source and note from tags where the run's own fields left them empty. */
    static void applyTo(ImportedRun.Builder b, Map<String, String> tags, String name, String user) {
        b.name(firstNonBlank(name, tags.get(RUN_NAME)));
        b.user(firstNonBlank(user, tags.get(USER)));
        b.source(blankToNull(tags.get(SOURCE_NAME)), blankToNull(tags.get(SOURCE_COMMIT)));
        b.note(blankToNull(tags.get(NOTE)));
    }

    static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : blankToNull(b);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
