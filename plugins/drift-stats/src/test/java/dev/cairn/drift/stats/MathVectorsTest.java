package dev.cairn.drift.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The special functions under the drift tests against SciPy's values: Apache Commons' (the gamma functions under
 * its chi-squared distribution, the normal distribution) and the closed form for a one-value KS sample. The
 * Kolmogorov distributions are checked in {@code org.apache.commons.statistics.inference.KolmogorovVectorsTest}.
 */
class MathVectorsTest {

    @Test
    void regularizedGammaMatchesScipy() {
        Agreement agreement = new Agreement("gammainc/gammaincc");
        for (JsonNode c : Vectors.cases("gamma")) {
            double a = c.get("a").asDouble();
            double x = c.get("x").asDouble();
            agreement.check("P(" + a + ", " + x + ")", c.get("p").asDouble(), RegularizedGamma.P.value(a, x));
            agreement.check("Q(" + a + ", " + x + ")", c.get("q").asDouble(), RegularizedGamma.Q.value(a, x));
        }
        agreement.report();
    }

    @Test
    void normalAndErfcMatchScipy() {
        Agreement agreement = new Agreement("norm.cdf/erfc");
        NormalDistribution normal = NormalDistribution.of(0, 1);
        for (JsonNode c : Vectors.cases("normal")) {
            double z = c.get("z").asDouble();
            agreement.check("cdf(" + z + ")", c.get("cdf").asDouble(), normal.cumulativeProbability(z));
            agreement.check("erfc(" + z + ")", c.get("erfc").asDouble(), Erfc.value(z));
        }
        agreement.report();
    }

    @Test
    void oneValueAgainstManyMatchesScipysExactDistribution() {
        Agreement agreement = new Agreement("ks exact 1 vs m");
        int checked = 0;
        for (JsonNode c : Vectors.cases("ks_exact")) {
            int n1 = c.get("n1").asInt();
            int n2 = c.get("n2").asInt();
            if (n1 != 1 && n2 != 1) {
                continue;
            }
            int m = Math.max(n1, n2);
            long h = Math.round(c.get("d").asDouble() * m);
            agreement.check("exact(" + n1 + ", " + n2 + ", " + c.get("d") + ")", c.get("pvalue").asDouble(),
                    KolmogorovSmirnovTest.singleExactSf(m, h));
            checked++;
        }
        org.assertj.core.api.Assertions.assertThat(checked).isGreaterThan(3);
        agreement.report();
    }
}
