package dev.cairn.store.monitoring;

import java.util.Locale;

/** What a model predicts: a class (classification) or a number (regression). */
public enum Task {
    /** Labels are classes; metrics accuracy, precision, recall, F1, ROC AUC, log loss. */
    CLASSIFICATION,
    /** Labels are numbers; metrics MAE, RMSE, R². */
    REGRESSION;

    /** Lower-case name as stored and printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task named {@code label} ("classification" or "regression"). */
    public static Task parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
