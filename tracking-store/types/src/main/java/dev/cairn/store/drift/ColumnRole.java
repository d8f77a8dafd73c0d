package dev.cairn.store.drift;

import java.util.Locale;

/** What a column means to the model: an input feature, the model's prediction or the true label. */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The model's output. */
    PREDICTION,
    /** The ground truth, when known. */
    LABEL;

    /** Lower-case name as stored and printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
