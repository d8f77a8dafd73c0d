package dev.cairn.viewer.registry;

import dev.cairn.store.registry.Stage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A registry action waiting for confirmation: what it is, exactly what it will change, and the inputs the
 * confirmation asks for (an optional comment; an alias name; whether to archive the current holders; whether to
 * force past the promotion rule). The view-model recomputes {@link #changes()} when an input changes.
 */
public final class PendingAction {
    /** The kinds of confirmed actions. */
    public enum Kind { PROMOTE, ARCHIVE, UNSTAGE, DELETE, SET_ALIAS, ROLLBACK, ROLLBACK_ALIAS, REGISTER }

    private final Kind kind;
    private final String title;
    private final String model;
    private final int version;
    private final Stage stage;
    private final boolean archiveOffered;
    private final boolean forceOffered;
    private final boolean aliasInput;
    private final String runId;
    private final StringProperty alias = new SimpleStringProperty("");
    private final BooleanProperty archiveExisting = new SimpleBooleanProperty(true);
    private final BooleanProperty force = new SimpleBooleanProperty(false);
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<String> changes = FXCollections.observableArrayList();

    PendingAction(Kind kind, String title, String model, int version, Stage stage, boolean archiveOffered,
                  boolean forceOffered, boolean aliasInput, String runId) {
        this.kind = kind;
        this.title = title;
        this.model = model;
        this.version = version;
        this.stage = stage;
        this.archiveOffered = archiveOffered;
        this.forceOffered = forceOffered;
        this.aliasInput = aliasInput;
        this.runId = runId;
    }

    /** The run a REGISTER action registers from; null otherwise. */
    public String runId() {
        return runId;
    }

    public Kind kind() {
        return kind;
    }

    /** "Promote version 3 to Production". */
    public String title() {
        return title;
    }

    public String model() {
        return model;
    }

    /** The version acted on (for a rollback: the current holder). */
    public int version() {
        return version;
    }

    /** The stage promoted to, rolled back or moved to (Archived, None); null for alias actions and deletions. */
    public Stage stage() {
        return stage;
    }

    /** True when the confirmation offers "archive the versions now in the stage". */
    public boolean archiveOffered() {
        return archiveOffered;
    }

    /** True when the model has a promotion rule this action is checked against. */
    public boolean forceOffered() {
        return forceOffered;
    }

    /** True when the confirmation asks for an alias name. */
    public boolean aliasInput() {
        return aliasInput;
    }

    public StringProperty alias() {
        return alias;
    }

    public BooleanProperty archiveExisting() {
        return archiveExisting;
    }

    public BooleanProperty force() {
        return force;
    }

    public StringProperty comment() {
        return comment;
    }

    /** Why the action cannot be confirmed as it stands (empty when it can). */
    public StringProperty problem() {
        return problem;
    }

    /** Exactly what will change, one line each. */
    public ObservableList<String> changes() {
        return changes;
    }
}
