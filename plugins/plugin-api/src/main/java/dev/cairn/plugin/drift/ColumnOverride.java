package dev.cairn.plugin.drift;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A per-column override of the default test choice: a test id, a threshold, or both.
 *
 * @param testId    the {@link DriftTest#id()} to use instead of the default, if present
 * @param threshold the threshold to use instead of the test's default, if present
 */
public record ColumnOverride(Optional<String> testId, OptionalDouble threshold) {

    /** Normalises nulls to empty. */
    public ColumnOverride {
        testId = testId == null ? Optional.empty() : testId;
        threshold = threshold == null ? OptionalDouble.empty() : threshold;
    }

    /**
     * @param testId the test to use
     * @return an override of the test only (its default threshold applies)
     */
    public static ColumnOverride test(String testId) {
        return new ColumnOverride(Optional.of(testId), OptionalDouble.empty());
    }

    /**
     * @param threshold the threshold to use with the default test
     * @return an override of the threshold only
     */
    public static ColumnOverride threshold(double threshold) {
        return new ColumnOverride(Optional.empty(), OptionalDouble.of(threshold));
    }

    /**
     * @param testId    the test to use
     * @param threshold its threshold
     * @return an override of both
     */
    public static ColumnOverride of(String testId, double threshold) {
        return new ColumnOverride(Optional.of(testId), OptionalDouble.of(threshold));
    }
}
