package dev.cairn.store.drift;

import java.util.Locale;

/**
 * What a column means to the model: an input feature, the model's prediction, its score or the true label. Only
 * features count towards a batch's dataset drift: the prediction and score columns (the model's own and a
 * challenger's {@code <column>@<version>}) are drift-tested and reported as prediction drift; the label is not
 * tested. All but features are the inputs of performance monitoring.
 */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The model's output (its own, or a challenger version's on the same rows). */
    PREDICTION,
    /** The ground truth, when known. */
    LABEL,
    /** The model's predicted probability of the positive class (its own, or a challenger version's). */
    SCORE;

    /** @return true for an input of the model, the only role that counts towards dataset drift */
    public boolean isFeature() {
        return this == FEATURE;
    }

    /**
     * How specific a role is when datasets of one version disagree (a reference stored without roles, a batch
     * with them): the label over model outputs over features.
     *
     * @return 2 for the label, 1 for the prediction and score, 0 for a feature
     */
    public int precedence() {
        return this == LABEL ? 2 : this == FEATURE ? 0 : 1;
    }

    /** Lower-case name as stored and printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
