package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnSample;
import java.nio.DoubleBuffer;

/**
 * Turns two samples into aligned reference/current proportions, exactly as Evidently's
 * {@code get_binned_data} does for PSI and Jensen–Shannon.
 *
 * <ul>
 *   <li>A sample with raw values whose <em>reference</em> has more than 20 distinct values is
 *       binned into equal-width bins over {@code [min, max]} of both samples together, with the
 *       bin count of NumPy's {@code 'sturges'} rule:
 *       {@code width = (max - min) / (log2(n_ref + n_cur) + 1)},
 *       {@code bins = ceil((max - min) / width)}, edges {@code min + i·(max - min)/bins} with the
 *       last edge exactly {@code max}. Bins are half-open {@code [e_i, e_{i+1})}, the last one
 *       closed, as in {@code np.histogram}.</li>
 *   <li>Otherwise each distinct value (or category) over the union of both samples is a bin.</li>
 * </ul>
 * Proportions are counts divided by the sample size. With {@code fillZeros} (PSI), zero
 * proportions in each array are replaced by {@code min(nonzero) / 10^6} when
 * {@code min(nonzero) <= 10^-4}, else by {@code 10^-4}, so logarithms stay finite.
 */
final class Binning {

    /** Reference samples with more distinct values than this are histogrammed. */
    static final int MAX_DISTINCT_AS_CATEGORIES = 20;

    private Binning() {
    }

    /**
     * @param reference reference proportions
     * @param current   current proportions, aligned with {@code reference}
     */
    record Proportions(double[] reference, double[] current) {
    }

    /**
     * @param reference reference sample
     * @param current   current sample
     * @param fillZeros replace zero proportions (PSI) or not (Jensen–Shannon)
     * @return aligned proportions
     */
    static Proportions of(ColumnSample reference, ColumnSample current, boolean fillZeros) {
        Proportions p;
        if (reference.hasValues() && current.hasValues()
                && reference.distinctCount() > MAX_DISTINCT_AS_CATEGORIES) {
            p = histogram(reference.sortedValues(), current.sortedValues());
        } else {
            Frequencies f = Frequencies.of(reference, current);
            double[] r = new double[f.size()];
            double[] c = new double[f.size()];
            for (int i = 0; i < f.size(); i++) {
                r[i] = (double) f.reference()[i] / f.referenceTotal();
                c[i] = (double) f.current()[i] / f.currentTotal();
            }
            p = new Proportions(r, c);
        }
        if (fillZeros) {
            fillZeros(p.reference());
            fillZeros(p.current());
        }
        return p;
    }

    /**
     * @param n the total number of values
     * @return {@code log2(n)}, exact for powers of two like NumPy's {@code np.log2}
     */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2.0);
    }

    /**
     * @param ref reference sample, ascending
     * @param cur current sample, ascending
     * @return the bin edges of NumPy's {@code histogram_bin_edges(concat, bins='sturges')}
     */
    static double[] sturgesEdges(DoubleBuffer ref, DoubleBuffer cur) {
        int n1 = ref.limit();
        int n2 = cur.limit();
        double min = Math.min(ref.get(0), cur.get(0));
        double max = Math.max(ref.get(n1 - 1), cur.get(n2 - 1));
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double width = (max - min) / (log2((long) n1 + n2) + 1.0);
        int bins = width != 0 ? (int) Math.ceil((last - first) / width) : 1;
        double step = (last - first) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        return edges;
    }

    private static Proportions histogram(DoubleBuffer ref, DoubleBuffer cur) {
        double[] edges = sturgesEdges(ref, cur);
        return new Proportions(proportions(ref, edges), proportions(cur, edges));
    }

    private static double[] proportions(DoubleBuffer sorted, double[] edges) {
        int bins = edges.length - 1;
        double[] out = new double[bins];
        int n = sorted.limit();
        int lower = lowerBound(sorted, edges[0]);
        for (int k = 0; k < bins; k++) {
            int upper = k == bins - 1 ? upperBound(sorted, edges[k + 1]) : lowerBound(sorted, edges[k + 1]);
            out[k] = (double) (upper - lower) / n;
            lower = upper;
        }
        return out;
    }

    private static int lowerBound(DoubleBuffer a, double key) {
        int lo = 0;
        int hi = a.limit();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a.get(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(DoubleBuffer a, double key) {
        int lo = 0;
        int hi = a.limit();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a.get(mid) <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void fillZeros(double[] p) {
        double minNonZero = Double.POSITIVE_INFINITY;
        boolean hasZero = false;
        for (double x : p) {
            if (x == 0) {
                hasZero = true;
            } else {
                minNonZero = Math.min(minNonZero, x);
            }
        }
        if (!hasZero) {
            return;
        }
        double fill = minNonZero <= 0.0001 ? minNonZero / 1e6 : 0.0001;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                p[i] = fill;
            }
        }
    }
}
