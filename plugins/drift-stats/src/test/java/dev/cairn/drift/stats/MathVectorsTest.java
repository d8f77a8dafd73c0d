package dev.cairn.drift.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.drift.stats.math.Distributions;
import dev.cairn.drift.stats.math.Gamma;
import dev.cairn.drift.stats.math.Kolmogorov;
import dev.cairn.drift.stats.math.TwoSampleKolmogorov;
import org.junit.jupiter.api.Test;

/** The special functions against SciPy's values. */
class MathVectorsTest {

    @Test
    void regularizedGammaMatchesScipy() {
        Agreement agreement = new Agreement("gammainc/gammaincc");
        for (JsonNode c : Vectors.cases("gamma")) {
            double a = c.get("a").asDouble();
            double x = c.get("x").asDouble();
            agreement.check("P(" + a + ", " + x + ")", c.get("p").asDouble(), Gamma.regularizedP(a, x));
            agreement.check("Q(" + a + ", " + x + ")", c.get("q").asDouble(), Gamma.regularizedQ(a, x));
        }
        agreement.report();
    }

    @Test
    void normalAndErfcMatchScipy() {
        Agreement agreement = new Agreement("norm.cdf/erfc");
        for (JsonNode c : Vectors.cases("normal")) {
            double z = c.get("z").asDouble();
            agreement.check("cdf(" + z + ")", c.get("cdf").asDouble(), Distributions.normalCdf(z));
            agreement.check("erfc(" + z + ")", c.get("erfc").asDouble(), Distributions.erfc(z));
        }
        agreement.report();
    }

    @Test
    void kolmogorovDistributionMatchesScipyKstwo() {
        Agreement agreement = new Agreement("kstwo.sf");
        for (JsonNode c : Vectors.cases("kstwo")) {
            long n = c.get("n").asLong();
            double x = c.get("x").asDouble();
            agreement.check("kstwo.sf(" + x + ", " + n + ")", c.get("sf").asDouble(), Kolmogorov.sf(n, x));
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
            agreement.check("exact(" + n1 + ", " + n2 + ", " + d + ")", c.get("pvalue").asDouble(),
                    TwoSampleKolmogorov.exactSf(n1, n2, d));
        }
        agreement.report();
    }
}
