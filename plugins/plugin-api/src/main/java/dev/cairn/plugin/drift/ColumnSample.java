package dev.cairn.plugin.drift;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable view of one column's non-missing values, in one of two shapes:
 * <ul>
 *   <li><b>values</b> ({@link ColumnKind#NUMERIC}, {@link ColumnKind#DATETIME}): raw {@code double}
 *       values, typically a bounded reservoir sample of the column. {@code NaN} and infinities
 *       are missing: they are dropped and counted in {@link #missingCount()} (Evidently replaces
 *       infinities by NaN and drops them too). {@code -0.0} is stored as {@code 0.0}. The values
 *       are kept sorted ascending, so statistics can merge two samples in O(n) after the
 *       O(n log n) sort done once here.</li>
 *   <li><b>counts</b> ({@link ColumnKind#CATEGORICAL}, {@link ColumnKind#BOOLEAN}): the exact
 *       count of every category; categories with count 0 are dropped.</li>
 * </ul>
 *
 * <p>{@link #rowCount()} is the number of non-missing rows in the whole column, which may be
 * larger than the sample when the values are a reservoir; the selector uses it to choose between
 * small-sample and large-sample tests, while the statistics are computed on the sample.
 */
public final class ColumnSample {

    private final String name;
    private final ColumnKind kind;
    private final double[] sorted;
    private final Map<String, Long> counts;
    private final long sampleSize;
    private final long rowCount;
    private final long missingCount;
    private volatile Map<String, Long> derivedCounts;

    private ColumnSample(String name, ColumnKind kind, double[] sorted, Map<String, Long> counts,
                         long sampleSize, long rowCount, long missingCount) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.sorted = sorted;
        this.counts = counts;
        this.sampleSize = sampleSize;
        this.rowCount = rowCount;
        this.missingCount = missingCount;
    }

    /**
     * A numeric sample holding every value of the column.
     *
     * @param name   column name, used in messages
     * @param values the values; NaN and infinities count as missing; the array is copied
     * @return the sample
     */
    public static ColumnSample numeric(String name, double[] values) {
        return values(name, ColumnKind.NUMERIC, values, -1, 0);
    }

    /**
     * A sample of raw values that may be a reservoir of a larger column.
     *
     * @param name          column name, used in messages
     * @param kind          {@link ColumnKind#NUMERIC} or {@link ColumnKind#DATETIME}
     * @param values        the sampled values; NaN and infinities count as missing; copied
     * @param rowCount      non-missing rows in the whole column, or -1 to use the sample's size
     * @param extraMissing  missing rows of the whole column that are not in {@code values}
     * @return the sample
     */
    public static ColumnSample values(String name, ColumnKind kind, double[] values, long rowCount,
                                      long extraMissing) {
        Objects.requireNonNull(values, "values");
        if (!Objects.requireNonNull(kind, "kind").isNumeric()) {
            throw new IllegalArgumentException("column '" + name + "': " + kind
                    + " columns are carried as counts, not values");
        }
        if (extraMissing < 0) {
            throw new IllegalArgumentException("extraMissing must be >= 0");
        }
        double[] kept = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                kept[n++] = v + 0.0;
            }
        }
        double[] sortedValues = n == kept.length ? kept : Arrays.copyOf(kept, n);
        Arrays.sort(sortedValues);
        long rows = rowCount < 0 ? n : rowCount;
        if (rows < n) {
            throw new IllegalArgumentException("column '" + name + "': rowCount " + rowCount
                    + " is smaller than the sample (" + n + " values)");
        }
        return new ColumnSample(name, kind, sortedValues, null, n, rows,
                extraMissing + (values.length - n));
    }

    /**
     * A categorical sample from exact value counts.
     *
     * @param name         column name, used in messages
     * @param kind         {@link ColumnKind#CATEGORICAL} or {@link ColumnKind#BOOLEAN}
     * @param counts       count per category (null keys are not allowed; zero counts are dropped)
     * @param missingCount number of missing rows
     * @return the sample
     */
    public static ColumnSample counts(String name, ColumnKind kind, Map<String, Long> counts,
                                      long missingCount) {
        Objects.requireNonNull(counts, "counts");
        if (Objects.requireNonNull(kind, "kind").isNumeric()) {
            throw new IllegalArgumentException("column '" + name + "': " + kind
                    + " columns are carried as values, not counts");
        }
        if (missingCount < 0) {
            throw new IllegalArgumentException("missingCount must be >= 0");
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long c = Objects.requireNonNull(e.getValue(), "count");
            if (c < 0) {
                throw new IllegalArgumentException("column '" + name + "': negative count for '"
                        + e.getKey() + "'");
            }
            if (c > 0) {
                copy.put(Objects.requireNonNull(e.getKey(), "category"), c);
                total = Math.addExact(total, c);
            }
        }
        return new ColumnSample(name, kind, null, Collections.unmodifiableMap(copy), total, total,
                missingCount);
    }

    /**
     * Shorthand for a {@link ColumnKind#CATEGORICAL} sample with no missing rows.
     *
     * @param name   column name
     * @param counts count per category
     * @return the sample
     */
    public static ColumnSample categorical(String name, Map<String, Long> counts) {
        return counts(name, ColumnKind.CATEGORICAL, counts, 0);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the column kind */
    public ColumnKind kind() {
        return kind;
    }

    /** @return true when this sample carries raw values, false when it carries counts */
    public boolean hasValues() {
        return sorted != null;
    }

    /** @return the number of non-missing observations in this sample (values or summed counts) */
    public long sampleSize() {
        return sampleSize;
    }

    /** @return true when the sample has no non-missing observation */
    public boolean isEmpty() {
        return sampleSize == 0;
    }

    /** @return non-missing rows in the whole column (at least {@link #sampleSize()}) */
    public long rowCount() {
        return rowCount;
    }

    /** @return missing rows (NaN, infinities or nulls) of the whole column */
    public long missingCount() {
        return missingCount;
    }

    /**
     * The sampled values, ascending, without copying.
     *
     * @return a read-only buffer positioned at 0
     * @throws IllegalStateException for a counts sample
     */
    public DoubleBuffer sortedValues() {
        requireValues();
        return DoubleBuffer.wrap(sorted).asReadOnlyBuffer();
    }

    /**
     * @return a fresh copy of the sampled values, ascending
     * @throws IllegalStateException for a counts sample
     */
    public double[] copySortedValues() {
        requireValues();
        return sorted.clone();
    }

    /**
     * The count of each distinct value. For a counts sample this is the given map; for a values
     * sample each distinct value is keyed by {@link Double#toString(double)}, in ascending order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Long> counts() {
        if (counts != null) {
            return counts;
        }
        Map<String, Long> result = derivedCounts;
        if (result == null) {
            Map<String, Long> m = new LinkedHashMap<>();
            int i = 0;
            while (i < sorted.length) {
                int j = i + 1;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                m.put(Double.toString(sorted[i]), (long) (j - i));
                i = j;
            }
            result = Collections.unmodifiableMap(m);
            derivedCounts = result;
        }
        return result;
    }

    /** @return the number of distinct non-missing values in this sample */
    public int distinctCount() {
        if (counts != null) {
            return counts.size();
        }
        int d = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }

    /**
     * The number of distinct values in the union of two samples of the same shape.
     *
     * @param a one sample
     * @param b another sample
     * @return distinct values present in either
     */
    public static int distinctCountOfUnion(ColumnSample a, ColumnSample b) {
        if (a.hasValues() && b.hasValues()) {
            double[] x = a.sorted;
            double[] y = b.sorted;
            int i = 0;
            int j = 0;
            int d = 0;
            double last = Double.NaN;
            while (i < x.length || j < y.length) {
                double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
                if (d == 0 || v != last) {
                    d++;
                    last = v;
                }
            }
            return d;
        }
        Set<String> keys = new HashSet<>(a.counts().keySet());
        keys.addAll(b.counts().keySet());
        return keys.size();
    }

    private void requireValues() {
        if (sorted == null) {
            throw new IllegalStateException("column '" + name + "' (" + kind
                    + ") is carried as counts, not values");
        }
    }

    @Override
    public String toString() {
        return "ColumnSample[" + name + ", " + kind + ", n=" + sampleSize + ", rows=" + rowCount
                + ", missing=" + missingCount + "]";
    }
}
