package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import org.junit.jupiter.api.Test;

/** Each drift test end to end against the SciPy/Evidently values recorded by gen_vectors.py. */
class StatisticVectorsTest {

    @Test
    void kolmogorovSmirnovMatchesKs2samp() {
        Agreement agreement = new Agreement("ks_2samp statistic+pvalue");
        int exact = 0;
        int asymptotic = 0;
        for (JsonNode c : Vectors.cases("ks")) {
            String name = c.get("name").asText();
            ColumnSample a = ColumnSample.numeric("a", Vectors.doubles(c.get("a")));
            ColumnSample b = ColumnSample.numeric("b", Vectors.doubles(c.get("b")));
            KolmogorovSmirnovTest.Outcome o = KolmogorovSmirnovTest.compute(a.sortedValues(), b.sortedValues());
            agreement.check(name + " statistic", c.get("statistic").asDouble(), o.statistic());
            agreement.check(name + " pvalue", c.get("pvalue").asDouble(), o.pValue());
            assertThat(o.exact()).as(name + " mode").isEqualTo("exact".equals(c.get("mode").asText()));
            if (o.exact()) {
                exact++;
            } else {
                asymptotic++;
            }
            DriftResult r = new KolmogorovSmirnovTest().test(a, b, 0.05);
            assertThat(r.pValue()).isEqualTo(o.pValue());
            assertThat(r.score()).isEqualTo(o.pValue());
            assertThat(r.drifted()).isEqualTo(o.pValue() < 0.05);
        }
        assertThat(exact).isGreaterThan(10);
        assertThat(asymptotic).isGreaterThan(5);
        agreement.report();
    }

    @Test
    void chiSquareMatchesEvidentlyAndScipy() {
        Agreement agreement = new Agreement("chisquare pvalue+statistic");
        for (JsonNode c : Vectors.cases("chisquare")) {
            String name = c.get("name").asText();
            ColumnSample ref = Vectors.sample("ref", c.get("reference"));
            ColumnSample cur = Vectors.sample("cur", c.get("current"));
            DriftResult r = new ChiSquareTest().test(ref, cur, 0.05);
            agreement.check(name + " pvalue", c.get("pvalue").asDouble(), r.pValue());
            assertThat(r.score()).isEqualTo(r.pValue());
            double statistic = ChiSquareTest.statistic(Frequencies.of(ref, cur));
            if (c.get("statistic").isNull()) {
                assertThat(statistic).as(name).isInfinite();
            } else {
                agreement.check(name + " statistic", c.get("statistic").asDouble(), statistic);
            }
        }
        agreement.report();
    }

    @Test
    void zTestMatchesEvidently() {
        Agreement agreement = new Agreement("z-test pvalue");
        for (JsonNode c : Vectors.cases("ztest")) {
            String name = c.get("name").asText();
            DriftResult r = new ZTest().test(Vectors.sample("ref", c.get("reference")),
                    Vectors.sample("cur", c.get("current")), 0.05);
            agreement.check(name + " pvalue", c.get("pvalue").asDouble(), r.pValue());
        }
        agreement.report();
    }

    @Test
    void wassersteinMatchesEvidently() {
        Agreement agreement = new Agreement("wasserstein normed");
        for (JsonNode c : Vectors.cases("wasserstein")) {
            String name = c.get("name").asText();
            ColumnSample ref = Vectors.sample("ref", c.get("reference"));
            ColumnSample cur = Vectors.sample("cur", c.get("current"));
            agreement.check(name + " distance", c.get("distance").asDouble(),
                    WassersteinTest.distance(ref.sortedValues(), cur.sortedValues()));
            agreement.check(name + " std", c.get("std").asDouble(), WassersteinTest.populationStd(ref.sortedValues()));
            DriftResult r = new WassersteinTest().test(ref, cur, 0.1);
            agreement.check(name + " score", c.get("score").asDouble(), r.score());
            assertThat(r.pValue()).isNull();
        }
        agreement.report();
    }

    @Test
    void jensenShannonMatchesScipy() {
        Agreement agreement = new Agreement("jensenshannon");
        for (JsonNode c : Vectors.cases("jensenshannon")) {
            String name = c.get("name").asText();
            ColumnSample ref = Vectors.sample("ref", c.get("reference"));
            ColumnSample cur = Vectors.sample("cur", c.get("current"));
            assertThat(Binning.of(ref, cur, false).reference()).as(name + " bins").hasSize(c.get("bins").asInt());
            DriftResult r = new JensenShannonTest().test(ref, cur, 0.1);
            agreement.check(name, c.get("distance").asDouble(), r.score());
        }
        agreement.report();
    }

    @Test
    void psiMatchesEvidently() {
        Agreement agreement = new Agreement("psi");
        for (JsonNode c : Vectors.cases("psi")) {
            String name = c.get("name").asText();
            ColumnSample ref = Vectors.sample("ref", c.get("reference"));
            ColumnSample cur = Vectors.sample("cur", c.get("current"));
            assertThat(Binning.of(ref, cur, true).reference()).as(name + " bins").hasSize(c.get("bins").asInt());
            DriftResult r = new PsiTest().test(ref, cur, 0.1);
            agreement.check(name, c.get("psi").asDouble(), r.score());
        }
        agreement.report();
    }
}
