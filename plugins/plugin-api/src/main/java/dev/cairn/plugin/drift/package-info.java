/**
 * Service-provider interface for column drift statistics.
 *
 * <p>A {@link dev.cairn.plugin.drift.DriftTest} compares the distribution of one column in a
 * reference data set with the same column in a current data set and returns a
 * {@link dev.cairn.plugin.drift.DriftResult}. Implementations are discovered with
 * {@link java.util.ServiceLoader}. {@link dev.cairn.plugin.drift.DriftTestSelector} picks a test
 * per column with the same defaults as Evidently, and {@link dev.cairn.plugin.drift.DatasetDriftRule}
 * turns the per-column verdicts into a data-set verdict.
 *
 * <p>Two families of tests exist:
 * <ul>
 *   <li><b>p-value tests</b> ({@link dev.cairn.plugin.drift.DriftTest#isDistance()} is false): the
 *       column drifted when {@code p < threshold}; by the Evidently convention the result's
 *       {@code score} is the p-value as well;</li>
 *   <li><b>distance tests</b> ({@code isDistance()} is true): the column drifted when
 *       {@code score >= threshold}; the result has no p-value.</li>
 * </ul>
 */
package dev.cairn.plugin.drift;
