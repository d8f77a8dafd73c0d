package dev.cairn.app.demo;

import dev.cairn.store.model.RunStatus;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Logistic regression trained with Tribuo's {@link LinearSGDTrainer}. The learning curve is real: the point at
 * epoch k is a model trained for k epochs (same seed and shuffles, so it is the k-epoch prefix of the full run),
 * scored on the training and validation splits. A run whose training loss stops being finite fails, as a
 * training script's divergence guard would; a run with {@code stopAfter > 0} is killed after that epoch.
 */
record LogisticTrial(int number, String optimizer, double learningRate, int epochs, int batchSize,
                     FeatureSet features, boolean shuffle, long seed, int stopAfter) implements Trial {

    static final String MODEL = "logistic_regression";

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%03d-logreg-%s-lr%s", number, optimizer, DemoNumbers.format(learningRate));
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", MODEL);
        p.put("optimizer", optimizer);
        p.put("learning_rate", DemoNumbers.format(learningRate));
        p.put("epochs", Integer.toString(epochs));
        p.put("batch_size", Integer.toString(batchSize));
        p.put("features", features.label());
        p.put("shuffle", Boolean.toString(shuffle));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public long simulatedStepMs() {
        long updates = (CrescentsData.TRAIN_SIZE + batchSize - 1) / batchSize;
        double perUpdate = features == FeatureSet.POLY3 ? 9.0 : 5.0;
        return 1_400 + Math.round(updates * perUpdate) + Math.floorMod(seed * 31, 700);
    }

    @Override
    public TrialResult train(CrescentsData data) {
        TrialResult result = new TrialResult();
        int last = stopAfter > 0 ? Math.min(stopAfter, epochs) : epochs;
        for (int epoch = 1; epoch <= last; epoch++) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser(), epoch, -1, batchSize,
                    seed);
            trainer.setShuffle(shuffle);
            Model<Label> model = trainer.train(data.train(features), Map.of(), 0);
            Score onTrain = Score.of(model, data.train(features));
            Score onVal = Score.of(model, data.validation(features));
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("train/loss", onTrain.loss());
            values.put("train/accuracy", onTrain.accuracy());
            values.put("val/loss", onVal.loss());
            values.put("val/accuracy", onVal.accuracy());
            result.record(epoch, values);
            if (!Double.isFinite(onTrain.loss())) {
                result.end(RunStatus.FAILED, String.format(Locale.ROOT, "diverged: train/loss became %s at epoch %d "
                        + "(learning_rate %s is too high for %s)", onTrain.loss(), epoch,
                        DemoNumbers.format(learningRate), optimizer));
                return result;
            }
        }
        if (last < epochs) {
            result.end(RunStatus.KILLED, String.format(Locale.ROOT, "stopped by the user after epoch %d of %d",
                    last, epochs));
        }
        return result;
    }

    private StochasticGradientOptimiser optimiser() {
        return switch (optimizer) {
            case "sgd" -> SGD.getSimpleSGD(learningRate);
            case "adagrad" -> new AdaGrad(learningRate);
            case "rmsprop" -> new RMSProp(learningRate, 0.9);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'");
        };
    }
}
