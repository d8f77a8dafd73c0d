package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Population Stability Index as Evidently's {@code psi} stat test:
 * {@code Σ (r_i - c_i) · ln(r_i / c_i)} over the bins of {@link Binning} with zero proportions
 * filled (numeric reference with more than 20 distinct values: Sturges equal-width bins over the
 * combined range; otherwise one bin per value or category; empty bins get
 * {@code min(nonzero)/10^6} if that minimum is at most {@code 10^-4}, else {@code 10^-4}).
 * Drift when {@code score >= threshold}; no p-value.
 */
public final class PsiTest implements DriftTest {

    @Override
    public String id() {
        return "psi";
    }

    @Override
    public String displayName() {
        return "PSI";
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
        Binning.Proportions p = Binning.of(reference, current, true);
        NeumaierSum psi = new NeumaierSum();
        for (int i = 0; i < p.reference().length; i++) {
            double r = p.reference()[i];
            double c = p.current()[i];
            psi.add((r - c) * Math.log(r / c));
        }
        return DriftResult.ofDistance(id(), psi.value(), threshold, p.reference().length + " bins");
    }
}
