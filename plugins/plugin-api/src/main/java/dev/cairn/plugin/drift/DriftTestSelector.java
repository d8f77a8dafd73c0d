package dev.cairn.plugin.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Chooses a {@link DriftTest} and threshold per column with Evidently's defaults, unless the
 * column has a {@link ColumnOverride}.
 *
 * <p>The defaults (Evidently {@code _get_default_stattest}), where "distinct values" counts the
 * union of reference and current samples and "reference rows" is
 * {@link ColumnSample#rowCount()} of the reference:
 * <table>
 *   <caption>default test per column</caption>
 *   <tr><th></th><th>reference rows &le; 1,000</th><th>reference rows &gt; 1,000</th></tr>
 *   <tr><td>numeric, &gt; 5 distinct values</td><td>{@code ks} (p &lt; 0.05)</td>
 *       <td>{@code wasserstein}, normed by the reference std (&ge; 0.1)</td></tr>
 *   <tr><td>numeric with &le; 5 distinct values, categorical, boolean: 3 or more distinct</td>
 *       <td>{@code chisquare} (p &lt; 0.05)</td><td>{@code jensenshannon} (&ge; 0.1)</td></tr>
 *   <tr><td>same, 1 or 2 distinct values</td><td>{@code ztest} (p &lt; 0.05)</td>
 *       <td>{@code jensenshannon} (&ge; 0.1)</td></tr>
 * </table>
 * Date-time columns count as numeric. A numeric column with few distinct values is handed to
 * the categorical tests through {@link ColumnSample#counts()}. Thresholds are each test's
 * {@link DriftTest#defaultThreshold()}.
 */
public final class DriftTestSelector {

    /** Reference row count up to which the small-sample (p-value) tests are used. */
    public static final long SMALL_REFERENCE_ROWS = 1_000;
    /** Numeric columns with at most this many distinct values are tested as categorical. */
    public static final int FEW_DISTINCT_VALUES = 5;

    private final Map<String, DriftTest> tests;
    private final Map<String, ColumnOverride> overrides;

    /**
     * @param tests     the available tests (ids must be unique)
     * @param overrides per-column overrides keyed by column name (may be empty)
     */
    public DriftTestSelector(Iterable<? extends DriftTest> tests, Map<String, ColumnOverride> overrides) {
        Map<String, DriftTest> byId = new LinkedHashMap<>();
        for (DriftTest t : tests) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("two drift tests share the id '" + t.id() + "'");
            }
        }
        this.tests = Collections.unmodifiableMap(byId);
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * A selector over the tests found on the class path by {@link ServiceLoader}.
     *
     * @param overrides per-column overrides keyed by column name
     * @return the selector
     */
    public static DriftTestSelector fromServiceLoader(Map<String, ColumnOverride> overrides) {
        return new DriftTestSelector(ServiceLoader.load(DriftTest.class), overrides);
    }

    /** @return the available tests by id */
    public Map<String, DriftTest> tests() {
        return tests;
    }

    /**
     * Evidently's default test id for a column, ignoring overrides.
     *
     * @param reference reference sample
     * @param current   current sample
     * @return a test id: {@code ks}, {@code chisquare}, {@code ztest}, {@code wasserstein} or
     *         {@code jensenshannon}
     */
    public static String defaultTestId(ColumnSample reference, ColumnSample current) {
        int distinct = ColumnSample.distinctCountOfUnion(reference, current);
        boolean numeric = reference.kind().isNumeric() && distinct > FEW_DISTINCT_VALUES;
        if (reference.rowCount() <= SMALL_REFERENCE_ROWS) {
            if (numeric) {
                return "ks";
            }
            return distinct > 2 ? "chisquare" : "ztest";
        }
        return numeric ? "wasserstein" : "jensenshannon";
    }

    /**
     * Chooses the test and threshold for a column, honouring its override.
     *
     * @param reference reference sample (its {@link ColumnSample#name()} keys the overrides)
     * @param current   current sample
     * @return the choice
     * @throws IllegalStateException if the chosen test is not available
     */
    public Choice choose(ColumnSample reference, ColumnSample current) {
        ColumnOverride override = overrides.get(reference.name());
        String id = override != null && override.testId().isPresent()
                ? override.testId().get()
                : defaultTestId(reference, current);
        DriftTest test = tests.get(id);
        if (test == null) {
            throw new IllegalStateException("drift test '" + id + "' for column '" + reference.name()
                    + "' is not available; installed: " + tests.keySet());
        }
        double threshold = override != null && override.threshold().isPresent()
                ? override.threshold().getAsDouble()
                : test.defaultThreshold();
        return new Choice(test, threshold);
    }

    /**
     * Chooses and runs the test for one column.
     *
     * @param reference reference sample
     * @param current   current sample
     * @return the result
     */
    public DriftResult test(ColumnSample reference, ColumnSample current) {
        Choice c = choose(reference, current);
        return c.test().test(reference, current, c.threshold());
    }

    /**
     * The test and threshold chosen for a column.
     *
     * @param test      the test
     * @param threshold the threshold to pass to it
     */
    public record Choice(DriftTest test, double threshold) {
        /** Validates the components. */
        public Choice {
            Objects.requireNonNull(test, "test");
        }
    }
}
