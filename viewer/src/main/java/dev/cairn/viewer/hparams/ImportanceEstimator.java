package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Ranks params by how much they drive the target. Two numbers per param: Spearman correlation with the target
 * (numeric params), and permutation importance from a random forest ({@link RegressionForest}) regressing the
 * target on all chosen params: the forest's mean squared error on held-out runs (on the training runs when there
 * are few) grows by how much when one param's values are shuffled, divided by the target's variance. Runs
 * without the target are left out. Fewer than {@link #MIN_RUNS} runs give an "unreliable" report.
 */
public final class ImportanceEstimator {
    /** Below this many runs with the target the estimate is noise. */
    public static final int MIN_RUNS = 10;
    static final int MAX_TRAIN_ROWS = 1500;
    static final int MAX_EVAL_ROWS = 1000;
    static final int HOLD_OUT_FROM = 100;

    private final int trees;
    private final long seed;

    public ImportanceEstimator() {
        this(24, 7L);
    }

    public ImportanceEstimator(int trees, long seed) {
        this.trees = trees;
        this.seed = seed;
    }

    /** Estimates importance of {@code params} for the table's target; {@code progress} gets 0..1. */
    public ImportanceReport estimate(SweepTable table, List<String> params, DoubleConsumer progress) {
        List<ParamColumn> columns = params.stream().map(p -> table.column(p).orElseThrow(
                () -> new IllegalArgumentException("no param or metric named '" + p + "'"))).toList();
        ParamColumn target = table.targetColumn();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!target.isMissing(i)) {
                present.add(i);
            }
        }
        int n = present.size();
        List<ParamImportance> rows = new ArrayList<>();
        double[] y = new double[table.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = target.number(i);
        }
        for (ParamColumn c : columns) {
            double[] x = new double[table.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.isNumeric() ? c.number(i) : Double.NaN;
            }
            rows.add(new ParamImportance(c.name(), Spearman.of(x, y), Double.NaN));
        }
        if (n < MIN_RUNS || columns.isEmpty()) {
            String why = columns.isEmpty() ? "No params to rank." : "Too few runs for a reliable estimate: " + n
                    + (n == 1 ? " run has " : " runs have ") + table.target().label() + ", at least " + MIN_RUNS
                    + " are needed.";
            return new ImportanceReport(rows.stream().map(r -> new ParamImportance(r.param(), Double.NaN,
                    Double.NaN)).toList(), n, false, why);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] shuffled = shuffle(present.stream().mapToInt(Integer::intValue).toArray(), random);
        int[] trainRows;
        int[] evalRows;
        if (n >= HOLD_OUT_FROM) {
            int evalCount = Math.min(MAX_EVAL_ROWS, n / 4);
            evalRows = java.util.Arrays.copyOfRange(shuffled, 0, evalCount);
            trainRows = java.util.Arrays.copyOfRange(shuffled, evalCount, Math.min(n, evalCount + MAX_TRAIN_ROWS));
        } else {
            trainRows = shuffled;
            evalRows = shuffled;
        }
        FeatureMatrix train = FeatureMatrix.encode(columns, trainRows);
        RegressionForest forest = RegressionForest.train(train.featureNames(), train.rows(), pick(y, trainRows),
                trees, seed, f -> progress.accept(0.8 * f));
        FeatureMatrix eval = FeatureMatrix.encode(columns, evalRows);
        double[] evalY = pick(y, evalRows);
        double variance = variance(evalY);
        double base = mse(forest, eval.rows(), evalY);
        List<ParamImportance> ranked = new ArrayList<>();
        for (int p = 0; p < columns.size(); p++) {
            double permuted = permutedMse(forest, eval, p, evalY, random);
            double importance = variance > 0 ? Math.max(0, permuted - base) / variance : 0;
            ranked.add(new ParamImportance(columns.get(p).name(), rows.get(p).spearman(), importance));
            progress.accept(0.8 + 0.2 * (p + 1) / columns.size());
        }
        ranked.sort(Comparator.comparingDouble(ParamImportance::importance).reversed()
                .thenComparing(ParamImportance::param));
        String explanation = "Bars: how much a random forest's error on " + (n >= HOLD_OUT_FROM ? "held-out" : "the")
                + " runs grows when the param's values are shuffled (share of the target's variance); ρ: Spearman"
                + " correlation with " + table.target().label() + ". Based on " + n + " runs.";
        return new ImportanceReport(ranked, n, true, explanation);
    }

    private static double permutedMse(RegressionForest forest, FeatureMatrix m, int param, double[] y,
                                      SplittableRandom random) {
        int[] group = m.groups()[param];
        double[][] rows = m.rows();
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        double[] row = new double[m.featureNames().size()];
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, row, 0, row.length);
            for (int f : group) {
                row[f] = rows[order[i]][f];
            }
            double e = forest.predict(row) - y[i];
            sum += e * e;
        }
        return sum / rows.length;
    }

    private static double mse(RegressionForest forest, double[][] rows, double[] y) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double e = forest.predict(rows[i]) - y[i];
            sum += e * e;
        }
        return sum / rows.length;
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double sum = 0;
        for (double d : v) {
            sum += (d - mean) * (d - mean);
        }
        return sum / v.length;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
