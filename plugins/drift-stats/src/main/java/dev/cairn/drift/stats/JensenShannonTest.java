package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Jensen–Shannon distance as Evidently's {@code jensenshannon} stat test:
 * {@code scipy.spatial.distance.jensenshannon(p, q)} with the natural logarithm over the
 * proportions of {@link Binning} (no zero filling): both vectors are normalised to sum 1,
 * {@code m = (p + q) / 2}, and the distance is {@code sqrt((KL(p‖m) + KL(q‖m)) / 2)}, in [0, √ln 2].
 * Categorical columns use one bin per category over the union of both samples; numeric columns
 * are binned like PSI. Drift when {@code score >= threshold}; no p-value.
 */
public final class JensenShannonTest implements DriftTest {

    @Override
    public String id() {
        return "jensenshannon";
    }

    @Override
    public String displayName() {
        return "Jensen-Shannon distance";
    }

    @Override
    public Set<ColumnKind> supports() {
        return EnumSet.allOf(ColumnKind.class);
    }

    @Override
    public boolean isDistance() {
        return true;
    }

    @Override
    public double defaultThreshold() {
        return 0.1;
    }

    @Override
    public DriftResult test(ColumnSample reference, ColumnSample current, double threshold) {
        Samples.check(this, reference, current, threshold);
        Binning.Proportions p = Binning.of(reference, current, false);
        return DriftResult.ofDistance(id(), distance(p.reference(), p.current()), threshold, null);
    }

    /**
     * @param p one distribution (non-negative, not necessarily normalised)
     * @param q another, aligned with {@code p}
     * @return the Jensen–Shannon distance, natural log
     */
    static double distance(double[] p, double[] q) {
        double sp = sum(p);
        double sq = sum(q);
        NeumaierSum left = new NeumaierSum();
        NeumaierSum right = new NeumaierSum();
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2.0;
            left.add(relativeEntropy(pi, m));
            right.add(relativeEntropy(qi, m));
        }
        double js = left.value() + right.value();
        return Math.sqrt(Math.max(0.0, js / 2.0));
    }

    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0.0;
    }

    private static double sum(double[] a) {
        NeumaierSum s = new NeumaierSum();
        for (double x : a) {
            s.add(x);
        }
        return s.value();
    }
}
