package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A coarse guard that KS and Wasserstein on 100k-value reservoirs stay far from quadratic. */
class PerformanceTest {

    @Test
    void ksAndWassersteinOnTwo100kReservoirsAreFast() {
        Random rnd = new Random(42);
        double[] a = new double[100_000];
        double[] b = new double[100_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian() * 1.01;
        }
        ColumnSample ref = ColumnSample.numeric("x", a);
        ColumnSample cur = ColumnSample.numeric("x", b);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        WassersteinTest w = new WassersteinTest();
        for (int i = 0; i < 3; i++) {
            ks.test(ref, cur, 0.05);
            w.test(ref, cur, 0.1);
        }
        int rounds = 10;
        long start = System.nanoTime();
        DriftResult last = null;
        for (int i = 0; i < rounds; i++) {
            last = ks.test(ref, cur, 0.05);
            w.test(ref, cur, 0.1);
        }
        double perColumnMillis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("[performance] KS + Wasserstein, 100k vs 100k sorted reservoirs: %.2f ms per column%n",
                perColumnMillis);
        assertThat(last.pValue()).isBetween(0.0, 1.0);
        assertThat(perColumnMillis).as("ms per column for KS + Wasserstein").isLessThan(100.0);
    }

    @Test
    void exactKsWorstCaseStaysBounded() {
        double[] a = new double[10_000];
        double[] b = new double[9_999];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 20_000 + i;
        }
        ColumnSample ref = ColumnSample.numeric("x", a);
        ColumnSample cur = ColumnSample.numeric("x", b);
        long start = System.nanoTime();
        DriftResult r = new KolmogorovSmirnovTest().test(ref, cur, 0.05);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("[performance] exact KS worst case 10000 vs 9999 disjoint: %.1f ms%n", millis);
        assertThat(r.pValue()).isLessThan(1e-300);
        assertThat(millis).isLessThan(2_000.0);
    }
}
