package dev.cairn.viewer.drift;

import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.drift.NumericProfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reference and batch distributions of one column on shared bins, as shares of rows: numeric columns on common
 * histogram bins (each stored histogram spread over the common bins by overlap), categorical ones on the most
 * frequent categories plus "other".
 *
 * @param labels    bin or category labels
 * @param reference share of reference rows per label
 * @param batch     share of batch rows per label
 * @param edges     numeric bin edges ({@code labels.size() + 1}), empty for categories
 */
public record Distribution(String column, boolean numeric, List<String> labels, double[] reference, double[] batch,
                           double[] edges, DriftReport.Column result) {

    static final int BINS = 20;
    static final int TOP_CATEGORIES = 10;

    static Distribution of(ColumnProfile ref, ColumnProfile cur, DriftReport.Column result) {
        if (ref.type().isNumeric()) {
            return numeric(ref, cur, result);
        }
        return categorical(ref, cur, result);
    }

    private static Distribution numeric(ColumnProfile ref, ColumnProfile cur, DriftReport.Column result) {
        NumericProfile a = ref.numeric();
        NumericProfile b = cur == null ? null : cur.numeric();
        double lo = a == null ? (b == null ? 0 : b.min()) : b == null ? a.min() : Math.min(a.min(), b.min());
        double hi = a == null ? (b == null ? 1 : b.max()) : b == null ? a.max() : Math.max(a.max(), b.max());
        if (hi <= lo) {
            hi = lo + 1;
        }
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = lo + (hi - lo) * i / BINS;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            labels.add(dev.cairn.viewer.common.Formats.number((edges[i] + edges[i + 1]) / 2));
        }
        return new Distribution(ref.name(), true, labels, rebin(a, edges), rebin(b, edges), edges, result);
    }

    /** Spreads a histogram over {@code edges}, assuming values are uniform within each of its bins. */
    static double[] rebin(NumericProfile p, double[] edges) {
        double[] out = new double[edges.length - 1];
        if (p == null) {
            return out;
        }
        double total = 0;
        double[] e = p.histogramEdges();
        long[] c = p.histogramCounts();
        for (int i = 0; i < c.length; i++) {
            double from = e[i];
            double to = e[i + 1];
            for (int j = 0; j < out.length; j++) {
                double overlap;
                if (to <= from) {
                    overlap = from >= edges[j] && (from < edges[j + 1] || j == out.length - 1) ? 1 : 0;
                } else {
                    overlap = Math.max(0, Math.min(to, edges[j + 1]) - Math.max(from, edges[j])) / (to - from);
                }
                out[j] += overlap * c[i];
            }
            total += c[i];
        }
        if (total > 0) {
            for (int j = 0; j < out.length; j++) {
                out[j] /= total;
            }
        }
        return out;
    }

    private static Distribution categorical(ColumnProfile ref, ColumnProfile cur, DriftReport.Column result) {
        Set<String> keys = new LinkedHashSet<>();
        ref.topValues(TOP_CATEGORIES).forEach(e -> keys.add(e.getKey()));
        if (cur != null) {
            cur.topValues(TOP_CATEGORIES).forEach(e -> keys.add(e.getKey()));
        }
        keys.remove("other");
        List<String> labels = new ArrayList<>(keys).subList(0, Math.min(keys.size(), TOP_CATEGORIES + 2));
        labels = new ArrayList<>(labels);
        double[] a = shares(ref.valueCounts(), ref.otherCount(), labels);
        double[] b = cur == null ? new double[labels.size() + 1] : shares(cur.valueCounts(), cur.otherCount(), labels);
        boolean other = a[labels.size()] > 0 || b[labels.size()] > 0;
        if (other) {
            labels.add("other");
        } else {
            a = java.util.Arrays.copyOf(a, labels.size());
            b = java.util.Arrays.copyOf(b, labels.size());
        }
        return new Distribution(ref.name(), false, labels, a, b, new double[0], result);
    }

    private static double[] shares(Map<String, Long> counts, long untracked, List<String> labels) {
        double[] out = new double[labels.size() + 1];
        double total = untracked;
        for (long c : counts.values()) {
            total += c;
        }
        if (total == 0) {
            return out;
        }
        double rest = untracked;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            int i = labels.indexOf(e.getKey());
            if (i >= 0) {
                out[i] = e.getValue() / total;
            } else {
                rest += e.getValue();
            }
        }
        out[labels.size()] = rest / total;
        return out;
    }
}
