package dev.cairn.store.profiling.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.monitoring.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cairn's monitoring numbers against scikit-learn 1.2 and SciPy 1.10 on the same rows (sklearn-vectors.json, made
 * by tools/monitoring/make_sklearn_vectors.py with Debian's python3-sklearn), to 1e-9.
 */
class SklearnVectorsTest {
    private static final double TOLERANCE = 1e-9;
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SklearnVectorsTest.class.getResourceAsStream(
                "/dev/cairn/store/profiling/performance/sklearn-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    /** Columns: 0 label, 1 prediction, 2 score, 3 segment. */
    private static BatchPerformance score(JsonNode c, boolean numeric) {
        String segment = c.has("segment") ? c.get("segment").asText() : null;
        boolean scored = c.get("rows").get(0).has("score");
        BatchScorer scorer = new BatchScorer(0, List.of(new BatchScorer.Predictor(1, "prediction", 1,
                scored ? 2 : -1, numeric)), c.has("positive") ? c.get("positive").asText() : null,
                segment == null ? List.of() : List.of(segment), segment == null ? new int[0] : new int[] {3});
        for (JsonNode r : c.get("rows")) {
            String[] texts = new String[4];
            double[] numbers = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            texts[0] = r.get("label").asText();
            texts[1] = r.get("prediction").asText();
            if (numeric) {
                numbers[0] = r.get("label").asDouble();
                numbers[1] = r.get("prediction").asDouble();
            }
            if (scored) {
                numbers[2] = r.get("score").asDouble();
            }
            if (segment != null) {
                texts[3] = r.get(segment).asText();
            }
            scorer.add(texts, numbers);
        }
        return scorer.finish();
    }

    private static void assertMetrics(String what, SliceMetrics actual, JsonNode expected) {
        assertThat(actual.metrics().keySet()).as(what).containsExactlyElementsOf(names(expected));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(actual.metrics().get(e.getKey())).as(what + " " + e.getKey())
                    .isCloseTo(e.getValue().asDouble(), within(TOLERANCE));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertSlices(JsonNode c, PredictorPerformance p) {
        if (!c.has("slices")) {
            return;
        }
        String segment = c.get("segment").asText();
        Map<String, SliceMetrics> slices = p.slices().get(segment);
        assertThat(slices.keySet()).containsExactlyElementsOf(names(c.get("slices")));
        for (String value : names(c.get("slices"))) {
            JsonNode s = c.get("slices").get(value);
            assertThat(slices.get(value).rows()).isEqualTo(s.get("rows").asLong());
            assertThat(slices.get(value).labelled()).isEqualTo(s.get("rows").asLong());
            assertMetrics(c.get("name").asText() + " slice " + value, slices.get(value), s.get("metrics"));
        }
        Map<String, Double> gaps = p.sliceGaps().get(segment);
        assertThat(gaps.keySet()).containsExactlyElementsOf(names(c.get("sliceGaps")));
        for (String metric : names(c.get("sliceGaps"))) {
            assertThat(gaps.get(metric)).as("gap " + metric)
                    .isCloseTo(c.get("sliceGaps").get(metric).asDouble(), within(TOLERANCE));
        }
    }

    @Test
    void classificationMatchesScikitLearn() {
        assertThat(vectors.get("sklearn").asText()).startsWith("1.2");
        for (JsonNode c : vectors.get("classification")) {
            boolean numeric = c.get("rows").get(0).get("label").asText().matches("\\d+");
            PredictorPerformance p = score(c, numeric).primary();
            assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(p.positive()).isEqualTo(c.has("positive") ? c.get("positive").asText() : null);
            assertThat(p.overall().rows()).isEqualTo(c.get("rows").size());
            assertMetrics(c.get("name").asText(), p.overall(), c.get("metrics"));
            if (c.has("confusion")) {
                List<String> labels = new ArrayList<>();
                c.get("confusionLabels").forEach(l -> labels.add(l.asText()));
                assertThat(p.overall().confusion().labels()).containsExactlyElementsOf(labels);
                long[][] counts = p.overall().confusion().counts();
                for (int a = 0; a < labels.size(); a++) {
                    for (int b = 0; b < labels.size(); b++) {
                        assertThat(counts[a][b]).isEqualTo(c.get("confusion").get(a).get(b).asLong());
                    }
                }
            }
            assertSlices(c, p);
        }
    }

    @Test
    void regressionMatchesScikitLearn() {
        for (JsonNode c : vectors.get("regression")) {
            PredictorPerformance p = score(c, true).primary();
            assertThat(p.task()).isEqualTo(Task.REGRESSION);
            assertMetrics(c.get("name").asText(), p.overall(), c.get("metrics"));
            assertSlices(c, p);
        }
    }

    @Test
    void mcnemarMatchesScipyBinomtest() {
        for (JsonNode c : vectors.get("mcnemar")) {
            BatchScorer scorer = new BatchScorer(0, List.of(new BatchScorer.Predictor(2, "p@2", 1, -1, true),
                    new BatchScorer.Predictor(3, "p@3", 2, -1, true)), null, List.of(), new int[0]);
            for (int i = 0; i < c.get("label").size(); i++) {
                String[] texts = {c.get("label").get(i).asText(), c.get("champion").get(i).asText(),
                    c.get("challenger").get(i).asText()};
                scorer.add(texts, new double[] {Double.parseDouble(texts[0]), Double.parseDouble(texts[1]),
                    Double.parseDouble(texts[2])});
            }
            BatchPerformance b = scorer.finish();
            PairedTest t = b.comparisons().get(0);
            assertThat(t.test()).isEqualTo(PairedTest.MCNEMAR);
            assertThat(t.statistic()).isEqualTo(c.get("onlyChallenger").asLong() - c.get("onlyChampion").asLong());
            assertThat(t.pValue()).isCloseTo(c.get("pValue").asDouble(), within(TOLERANCE));
            assertThat(t.rows()).isEqualTo(c.get("label").size());
        }
    }

    @Test
    void wilcoxonMatchesScipy() {
        for (JsonNode c : vectors.get("wilcoxon")) {
            BatchScorer scorer = new BatchScorer(0, List.of(new BatchScorer.Predictor(2, "p@2", 1, -1, true),
                    new BatchScorer.Predictor(3, "p@3", 2, -1, true)), null, List.of(), new int[0]);
            for (int i = 0; i < c.get("label").size(); i++) {
                double[] n = {c.get("label").get(i).asDouble(), c.get("champion").get(i).asDouble(),
                    c.get("challenger").get(i).asDouble()};
                scorer.add(new String[] {Double.toString(n[0]), Double.toString(n[1]), Double.toString(n[2])}, n);
            }
            PairedTest t = scorer.finish().comparisons().get(0);
            assertThat(t.test()).isEqualTo(PairedTest.WILCOXON);
            assertThat(t.statistic()).isCloseTo(c.get("statistic").asDouble(), within(TOLERANCE));
            assertThat(t.pValue()).isCloseTo(c.get("pValue").asDouble(), within(TOLERANCE));
        }
    }
}
