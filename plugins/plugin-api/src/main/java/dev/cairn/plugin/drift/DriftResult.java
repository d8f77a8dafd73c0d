package dev.cairn.plugin.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link DriftTest} on one column.
 *
 * <p>For a p-value test {@code score} equals {@code pValue} (the Evidently convention) and
 * {@code drifted} is {@code pValue < threshold}. For a distance test {@code pValue} is
 * {@code null} and {@code drifted} is {@code score >= threshold}.
 *
 * @param testId    the {@link DriftTest#id()} of the test that produced this result
 * @param score     the p-value (p-value tests) or the distance (distance tests)
 * @param pValue    the p-value, or {@code null} for distance tests
 * @param threshold the threshold the verdict was taken against
 * @param drifted   whether the column is considered drifted
 * @param message   an optional human-readable remark (for example why a degenerate case was
 *                  resolved the way it was); never {@code null}
 */
public record DriftResult(String testId, double score, Double pValue, double threshold,
                         boolean drifted, Optional<String> message) {

    /** Validates the components. */
    public DriftResult {
        Objects.requireNonNull(testId, "testId");
        message = message == null ? Optional.empty() : message;
    }

    /**
     * Builds the result of a p-value test: score is the p-value, drifted when {@code p < threshold}.
     *
     * @param testId    test id
     * @param pValue    the p-value in [0, 1]
     * @param threshold significance level
     * @param message   optional remark, may be {@code null}
     * @return the result
     */
    public static DriftResult ofPValue(String testId, double pValue, double threshold, String message) {
        return new DriftResult(testId, pValue, pValue, threshold, pValue < threshold,
                Optional.ofNullable(message));
    }

    /**
     * Builds the result of a distance test: no p-value, drifted when {@code score >= threshold}.
     *
     * @param testId    test id
     * @param distance  the distance
     * @param threshold drift threshold
     * @param message   optional remark, may be {@code null}
     * @return the result
     */
    public static DriftResult ofDistance(String testId, double distance, double threshold, String message) {
        return new DriftResult(testId, distance, null, threshold, distance >= threshold,
                Optional.ofNullable(message));
    }
}
