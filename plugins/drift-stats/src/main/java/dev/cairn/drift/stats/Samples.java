package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftTest;

/** Argument checks shared by the drift tests, with messages that name the column. */
final class Samples {

    private Samples() {
    }

    /**
     * Checks that both samples are non-empty and of a kind the test supports.
     *
     * @param test      the test about to run
     * @param reference reference sample
     * @param current   current sample
     * @param threshold the threshold
     */
    static void check(DriftTest test, ColumnSample reference, ColumnSample current, double threshold) {
        if (reference == null || current == null) {
            throw new IllegalArgumentException(test.id() + ": reference and current samples are required");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException(test.id() + ": threshold is NaN");
        }
        checkOne(test, "reference", reference);
        checkOne(test, "current", current);
    }

    private static void checkOne(DriftTest test, String role, ColumnSample sample) {
        if (!test.supports().contains(sample.kind())) {
            throw new IllegalArgumentException(test.id() + " does not support " + sample.kind()
                    + " column '" + sample.name() + "' (" + role + "); supported: " + test.supports());
        }
        if (sample.isEmpty()) {
            throw new IllegalArgumentException(test.id() + ": the " + role + " sample of column '"
                    + sample.name() + "' is empty (" + sample.missingCount()
                    + " missing values and no others); nothing to compare");
        }
    }

    /**
     * Checks that a sample carries raw values.
     *
     * @param test   the test
     * @param sample the sample
     */
    static void requireValues(DriftTest test, ColumnSample sample) {
        if (!sample.hasValues()) {
            throw new IllegalArgumentException(test.id() + " needs raw values but column '" + sample.name()
                    + "' is carried as counts");
        }
    }
}
