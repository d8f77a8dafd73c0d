package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Results on large reservoirs and on the exact-KS worst case (speed is measured by the benchmark, not here). */
class LargeSampleTest {

    @Test
    void ksAndWassersteinOnTwo100kReservoirsSeeASmallScaleChange() {
        Random rnd = new Random(42);
        double[] a = new double[100_000];
        double[] b = new double[100_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian() * 1.5;
        }
        ColumnSample ref = ColumnSample.numeric("x", a);
        ColumnSample cur = ColumnSample.numeric("x", b);
        DriftResult ks = new KolmogorovSmirnovTest().test(ref, cur, 0.05);
        DriftResult w = new WassersteinTest().test(ref, cur, 0.1);
        assertThat(ks.pValue()).isLessThan(1e-10);
        assertThat(ks.drifted()).isTrue();
        assertThat(w.score()).isBetween(0.15, 0.5);
        assertThat(w.drifted()).isTrue();
    }

    @Test
    void exactKsWorstCaseOfDisjointSamplesGivesAVanishingPValue() {
        double[] a = new double[10_000];
        double[] b = new double[9_999];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 20_000 + i;
        }
        DriftResult r = new KolmogorovSmirnovTest().test(ColumnSample.numeric("x", a), ColumnSample.numeric("x", b), 0.05);
        assertThat(r.score()).isEqualTo(r.pValue());
        assertThat(r.pValue()).isLessThan(1e-300);
        assertThat(r.drifted()).isTrue();
    }
}
