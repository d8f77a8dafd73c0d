package dev.cairn.plugin.drift;

import java.util.Set;

/**
 * A statistic that decides whether one column drifted between a reference and a current sample.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; they must have a public
 * no-argument constructor, be stateless and be safe to call from several threads.
 *
 * <p>Verdict rule: a p-value test ({@link #isDistance()} false) reports drift when
 * {@code p < threshold} and puts the p-value in both {@link DriftResult#score()} and
 * {@link DriftResult#pValue()}; a distance test reports drift when {@code score >= threshold}
 * and leaves the p-value {@code null}.
 */
public interface DriftTest {

    /** @return a short stable identifier, e.g. {@code "ks"}, {@code "chisquare"}, {@code "psi"} */
    String id();

    /** @return a name for people, e.g. {@code "K-S p-value"} */
    String displayName();

    /** @return the column kinds this test accepts */
    Set<ColumnKind> supports();

    /** @return true when the result is a distance (no p-value); false for p-value tests */
    boolean isDistance();

    /** @return the threshold used when nobody overrides it (0.05 for p-values, 0.1 for distances) */
    double defaultThreshold();

    /**
     * Compares two samples of the same column.
     *
     * @param reference the reference (baseline) sample
     * @param current   the current sample
     * @param threshold the significance level (p-value tests) or distance threshold
     * @return the result, never {@code null}
     * @throws IllegalArgumentException if either sample is empty (no non-missing values) or of a
     *                                  kind this test does not support
     */
    DriftResult test(ColumnSample reference, ColumnSample current, double threshold);
}
