package dev.cairn.viewer.hparams;

import org.tribuo.MutableDataset;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * A random forest regressor: Tribuo CART regression trees, each trained on a bootstrap sample with a random
 * subset of features considered at each split, predictions averaged. The trained trees are copied into flat
 * arrays so that the many predictions of permutation importance stay fast.
 */
final class RegressionForest {
    private static final String OUTPUT = "target";
    private static final int MAX_DEPTH = 8;

    private final List<FlatTree> trees;

    private RegressionForest(List<FlatTree> trees) {
        this.trees = trees;
    }

    /**
     * Trains {@code treeCount} trees on {@code rows} → {@code y}. {@code progress} gets the fraction of trees
     * done.
     */
    static RegressionForest train(List<String> featureNames, double[][] rows, double[] y, int treeCount, long seed,
                                  DoubleConsumer progress) {
        String[] names = featureNames.toArray(String[]::new);
        float fraction = featureNames.size() <= 2 ? 0.99f : 0.5f;
        SplittableRandom random = new SplittableRandom(seed);
        List<FlatTree> trees = new ArrayList<>(treeCount);
        int minLeaf = Math.max(1, Math.min(5, rows.length / 50));
        for (int t = 0; t < treeCount; t++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("importance was cancelled");
            }
            RegressionFactory factory = new RegressionFactory();
            MutableDataset<Regressor> data = new MutableDataset<>(
                    new SimpleDataSourceProvenance("hyperparameter sweep", factory), factory);
            for (int k = 0; k < rows.length; k++) {
                int i = random.nextInt(rows.length);
                data.add(new ArrayExample<>(new Regressor(OUTPUT, y[i]), names, rows[i]));
            }
            CARTRegressionTrainer trainer = new CARTRegressionTrainer(MAX_DEPTH, minLeaf, 0.0f, fraction, false,
                    new MeanSquaredError(), random.nextLong());
            TreeModel<Regressor> model = trainer.train(data);
            trees.add(FlatTree.of(model, featureNames));
            progress.accept((t + 1) / (double) treeCount);
        }
        return new RegressionForest(trees);
    }

    double predict(double[] row) {
        double sum = 0;
        for (FlatTree tree : trees) {
            sum += tree.predict(row);
        }
        return sum / trees.size();
    }

    /** One tree as arrays: split nodes hold a feature and threshold, leaves hold a value. */
    private record FlatTree(int[] feature, double[] threshold, int[] greater, int[] lessOrEqual, double[] value) {

        static FlatTree of(TreeModel<Regressor> model, List<String> featureNames) {
            int[] toColumn = new int[model.getFeatureIDMap().size()];
            for (int id = 0; id < toColumn.length; id++) {
                toColumn[id] = featureNames.indexOf(model.getFeatureIDMap().get(id).getName());
            }
            Builder b = new Builder();
            Node<Regressor> root = model instanceof IndependentRegressionTreeModel independent
                    ? independent.getRoots().values().iterator().next() : model.getRoot();
            b.add(root, toColumn);
            return new FlatTree(b.ints(b.feature), b.doubles(b.threshold), b.ints(b.greater), b.ints(b.less),
                    b.doubles(b.value));
        }

        double predict(double[] row) {
            int n = 0;
            while (feature[n] >= 0) {
                n = row[feature[n]] > threshold[n] ? greater[n] : lessOrEqual[n];
            }
            return value[n];
        }
    }

    private static final class Builder {
        final List<Integer> feature = new ArrayList<>();
        final List<Double> threshold = new ArrayList<>();
        final List<Integer> greater = new ArrayList<>();
        final List<Integer> less = new ArrayList<>();
        final List<Double> value = new ArrayList<>();

        int add(Node<Regressor> node, int[] toColumn) {
            int index = feature.size();
            feature.add(-1);
            threshold.add(0.0);
            greater.add(-1);
            less.add(-1);
            value.add(0.0);
            if (node instanceof SplitNode<Regressor> split) {
                feature.set(index, toColumn[split.getFeatureID()]);
                threshold.set(index, split.splitValue());
                int g = add(split.getGreaterThan(), toColumn);
                greater.set(index, g);
                int l = add(split.getLessThanOrEqual(), toColumn);
                less.set(index, l);
            } else {
                value.set(index, ((LeafNode<Regressor>) node).getOutput().getValues()[0]);
            }
            return index;
        }

        int[] ints(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }

        double[] doubles(List<Double> list) {
            return list.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
