package dev.cairn.app.serve;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * MLflow's system tags that are Cairn run fields: {@code mlflow.runName} is the run name, {@code mlflow.user} the
 * user, {@code mlflow.parentRunId} the parent run, {@code mlflow.source.name} / {@code mlflow.source.git.commit}
 * the source, {@code mlflow.note.content} the note. Written through the API they set the fields (and are not kept
 * as tags too); read through the API, a run's fields come back as these tags, so Cairn's runs look right to MLflow
 * clients. Other {@code mlflow.*} tags (source type, git branch, ...) stay ordinary tags.
 */
public final class SystemTags {
    public static final String RUN_NAME = "mlflow.runName";
    public static final String USER = "mlflow.user";
    public static final String PARENT = "mlflow.parentRunId";
    public static final String SOURCE_NAME = "mlflow.source.name";
    public static final String SOURCE_COMMIT = "mlflow.source.git.commit";
    public static final String NOTE = "mlflow.note.content";

    /** Tags with a field of their own; user and source are set at creation and also kept as tags when set later. */
    private static final Set<String> FIELDS = Set.of(RUN_NAME, PARENT, NOTE);
    private static final Set<String> CREATION_FIELDS = Set.of(RUN_NAME, USER, PARENT, SOURCE_NAME, SOURCE_COMMIT,
            NOTE);

    private SystemTags() {
    }

    /** True when creating a run turns the tag into a field. */
    public static boolean isCreationField(String key) {
        return CREATION_FIELDS.contains(key);
    }

    /** The tags an MLflow client sees: the stored ones, with the run's fields as system tags over them. */
    public static Map<String, String> visible(Run run, Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>(stored);
        putIfSet(out, RUN_NAME, run.name());
        putIfSet(out, USER, run.user());
        putIfSet(out, PARENT, run.parentId());
        putIfSet(out, SOURCE_NAME, run.sourceProgram());
        putIfSet(out, SOURCE_COMMIT, run.sourceCommit());
        putIfSet(out, NOTE, run.note());
        return out;
    }

    /**
     * Sets tags of an existing run: field tags change the field, the rest are stored. Call inside a unit of work.
     */
    public static void set(TrackingStore store, String runId, Map<String, String> tags) {
        Map<String, String> plain = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                plain.put(e.getKey(), e.getValue());
                continue;
            }
            String value = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
            switch (e.getKey()) {
                case RUN_NAME -> store.runs().rename(runId, value);
                case NOTE -> store.runs().setNote(runId, value);
                default -> setParent(store, runId, value);
            }
        }
        if (!plain.isEmpty()) {
            store.runs().setTags(runId, plain);
        }
    }

    /** Removes a tag; for a field tag clears the field. False when the run has no such tag. */
    public static boolean remove(TrackingStore store, Run run, String key) {
        Map<String, String> stored = store.runs().tags(run.id());
        if (!visible(run, stored).containsKey(key)) {
            return false;
        }
        switch (key) {
            case RUN_NAME -> store.runs().rename(run.id(), null);
            case NOTE -> store.runs().setNote(run.id(), null);
            case PARENT -> store.runs().setParent(run.id(), null);
            default -> store.runs().removeTag(run.id(), key);
        }
        if (stored.containsKey(key)) {
            store.runs().removeTag(run.id(), key);
        }
        return true;
    }

    private static void setParent(TrackingStore store, String runId, String parentId) {
        if (parentId != null && store.runs().get(parentId).isEmpty()) {
            throw ApiException.invalid("Invalid value '" + parentId + "' for tag '" + PARENT
                    + "': no run with that id.");
        }
        store.runs().setParent(runId, parentId);
    }

    private static void putIfSet(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
