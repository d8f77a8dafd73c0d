package dev.cairn.app.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo's random search: logistic regressions (optimizer, log-uniform learning rate, epochs, batch size,
 * features, shuffle) and CART trees (depth, leaf size, impurity, features), drawn from a fixed seed, plus one
 * trial whose learning rate diverges and one the user stops early.
 */
final class SweepPlan {
    static final long SAMPLER_SEED = 20_240_611L;
    static final int LOGISTIC_TRIALS = 72;
    static final int TREE_TRIALS = 24;
    /** Trial numbers (1-based) of the diverging and the stopped trial. */
    static final int FAILING_TRIAL = 23;
    static final int KILLED_TRIAL = 61;
    static final double MIN_LEARNING_RATE = 1e-3;
    static final double MAX_LEARNING_RATE = 0.3;

    private static final String[] OPTIMIZERS = {"sgd", "adagrad", "rmsprop"};
    private static final int[] EPOCHS = {5, 10, 15, 20, 30};
    private static final int[] BATCH_SIZES = {1, 2, 4, 8};
    private static final int[] LEAF_SIZES = {1, 2, 5, 10, 20, 50};
    private static final String[] IMPURITIES = {"gini", "entropy"};

    private SweepPlan() {
    }

    /** Every trial of the sweep, numbered 1..n in the order they ran. */
    static List<Trial> trials() {
        Random rng = new Random(SAMPLER_SEED);
        List<Boolean> isTree = new ArrayList<>();
        for (int i = 0; i < LOGISTIC_TRIALS + TREE_TRIALS; i++) {
            isTree.add(i >= LOGISTIC_TRIALS);
        }
        Collections.shuffle(isTree, rng);
        int total = LOGISTIC_TRIALS + TREE_TRIALS + 2;
        List<Trial> out = new ArrayList<>(total);
        int sampled = 0;
        for (int number = 1; number <= total; number++) {
            if (number == FAILING_TRIAL) {
                out.add(new LogisticTrial(number, "sgd", 50, 20, 8, FeatureSet.POLY3, true, seed(rng), 0));
            } else if (number == KILLED_TRIAL) {
                out.add(new LogisticTrial(number, "rmsprop", 0.02, 30, 4, FeatureSet.POLY3, true, seed(rng), 4));
            } else if (isTree.get(sampled++)) {
                out.add(new TreeTrial(number, 1 + rng.nextInt(12), pick(rng, LEAF_SIZES), pick(rng, IMPURITIES),
                        features(rng), seed(rng)));
            } else {
                double logLr = Math.log10(MIN_LEARNING_RATE)
                        + rng.nextDouble() * (Math.log10(MAX_LEARNING_RATE) - Math.log10(MIN_LEARNING_RATE));
                out.add(new LogisticTrial(number, pick(rng, OPTIMIZERS), DemoNumbers.round3(Math.pow(10, logLr)),
                        pick(rng, EPOCHS), pick(rng, BATCH_SIZES), features(rng), rng.nextInt(4) > 0, seed(rng), 0));
            }
        }
        return out;
    }

    private static FeatureSet features(Random rng) {
        return rng.nextBoolean() ? FeatureSet.POLY3 : FeatureSet.RAW;
    }

    private static long seed(Random rng) {
        return rng.nextInt(10_000);
    }

    private static int pick(Random rng, int[] values) {
        return values[rng.nextInt(values.length)];
    }

    private static String pick(Random rng, String[] values) {
        return values[rng.nextInt(values.length)];
    }
}
