package dev.cairn.store.profiling.performance;

import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.Task;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * The champion's and one challenger's predictions on the same labelled rows: McNemar's exact test on which rows
 * each got right (a two-sided binomial test of the discordant pairs, as statsmodels' {@code mcnemar(exact=True)})
 * and the Wilcoxon signed-rank test on absolute errors (normal approximation with tie correction, zero
 * differences dropped, no continuity correction: SciPy's {@code wilcoxon(method="approx")}).
 */
public final class PairedTracker {
    private static final WilcoxonSignedRankTest WILCOXON = WilcoxonSignedRankTest.withDefaults()
            .with(PValueMethod.ASYMPTOTIC).with(ContinuityCorrection.DISABLED)
            .with(AlternativeHypothesis.TWO_SIDED);

    private final int champion;
    private final int challenger;
    private long rows;
    private long onlyChampion;
    private long onlyChallenger;
    private double[] errorDifferences = new double[0];
    private int numbered;

    public PairedTracker(int champion, int challenger) {
        this.champion = champion;
        this.challenger = challenger;
    }

    /** Adds a row where the label and both predictions are present (numbers NaN when not numeric). */
    public void add(String label, double labelNumber, String first, double firstNumber, String second,
                    double secondNumber) {
        rows++;
        boolean a = label.equals(first);
        boolean b = label.equals(second);
        if (a && !b) {
            onlyChampion++;
        } else if (b && !a) {
            onlyChallenger++;
        }
        if (!Double.isNaN(labelNumber) && !Double.isNaN(firstNumber) && !Double.isNaN(secondNumber)) {
            if (numbered == errorDifferences.length) {
                errorDifferences = Arrays.copyOf(errorDifferences, Math.max(16, numbered * 2));
            }
            errorDifferences[numbered++] = Math.abs(firstNumber - labelNumber) - Math.abs(secondNumber - labelNumber);
        }
    }

    /** The test for {@code task}; a p-value of 1 when nothing tells the two apart. */
    public PairedTest finish(Task task) {
        if (task == Task.CLASSIFICATION) {
            return new PairedTest(champion, challenger, PairedTest.MCNEMAR, onlyChallenger - onlyChampion,
                    mcnemar(onlyChampion, onlyChallenger), rows);
        }
        return wilcoxon(champion, challenger, Arrays.copyOf(errorDifferences, numbered), rows);
    }

    /** Exact McNemar p-value of the discordant pairs {@code b} and {@code c}. */
    static double mcnemar(long b, long c) {
        long n = b + c;
        if (n == 0) {
            return 1.0;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many discordant pairs for the exact test: " + n);
        }
        return BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test((int) n, (int) b, 0.5).getPValue();
    }

    /** The Wilcoxon test of {@code champion - challenger} absolute-error differences. */
    static PairedTest wilcoxon(int champion, int challenger, double[] differences, long rows) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        if (nonZero.length == 0) {
            return new PairedTest(champion, challenger, PairedTest.WILCOXON, 0, 1.0, rows);
        }
        WilcoxonSignedRankTest.Result r = WILCOXON.test(nonZero);
        double n = nonZero.length;
        double plus = r.getStatistic();
        double minus = n * (n + 1) / 2 - plus;
        return new PairedTest(champion, challenger, PairedTest.WILCOXON, Math.min(plus, minus), r.getPValue(), rows);
    }
}
