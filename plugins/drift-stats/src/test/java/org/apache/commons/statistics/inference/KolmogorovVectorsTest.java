package org.apache.commons.statistics.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.drift.stats.Agreement;
import dev.cairn.drift.stats.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The Kolmogorov distributions the drift plugin's KS test now takes from Apache Commons Statistics, against the
 * SciPy vectors that checked Cairn's own implementation before: {@code kstwo.sf} (the one-sample distribution, which
 * gives the asymptotic two-sample p-value) and the exact two-sample distribution. Commons keeps both
 * package-private, so this test sits in its package (same class loader on the test class path).
 */
class KolmogorovVectorsTest {

    @Test
    void oneSampleDistributionMatchesScipyKstwo() {
        Agreement agreement = new Agreement("kstwo.sf");
        for (JsonNode c : Vectors.cases("kstwo")) {
            int n = c.get("n").asInt();
            double x = c.get("x").asDouble();
            agreement.check("kstwo.sf(" + x + ", " + n + ")", c.get("sf").asDouble(),
                    KolmogorovSmirnovDistribution.Two.sf(x, n));
        }
        agreement.report();
    }

    @Test
    void exactTwoSampleDistributionMatchesScipy() {
        Agreement agreement = new Agreement("ks exact 2-sample");
        for (JsonNode c : Vectors.cases("ks_exact")) {
            int n1 = c.get("n1").asInt();
            int n2 = c.get("n2").asInt();
            double d = c.get("d").asDouble();
            int gcd = gcd(n1, n2);
            long lcm = (long) (n1 / gcd) * n2;
            long dnm = Math.round(d * lcm) * gcd; // the statistic times n1 n2, on the lattice
            agreement.check("exact(" + n1 + ", " + n2 + ", " + d + ")", c.get("pvalue").asDouble(),
                    KolmogorovSmirnovTest.twoSampleExactP(dnm, n1, n2, gcd, false, true));
        }
        agreement.report();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
