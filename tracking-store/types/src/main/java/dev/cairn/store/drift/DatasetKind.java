package dev.cairn.store.drift;

import java.util.Locale;

/** A model version's reference dataset (usually its training data) or a batch of production data. */
public enum DatasetKind {
    /** The baseline batches are compared with; one per model version. */
    REFERENCE,
    /** Production data seen at one time. */
    BATCH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetKind parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
