package dev.cairn.app.demo;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;

/**
 * How well a classifier does on a dataset.
 *
 * @param loss     mean cross-entropy, -ln p(true label), not clipped: a model whose probabilities underflow to 0
 *                 for a true label scores +Infinity (that is how a diverged run shows)
 * @param accuracy share of examples whose predicted label is the true one
 */
record Score(double loss, double accuracy) {

    static Score of(Model<Label> model, Dataset<Label> data) {
        List<Prediction<Label>> predictions = model.predict(data);
        double loss = 0;
        int correct = 0;
        int i = 0;
        for (Example<Label> e : data) {
            Prediction<Label> p = predictions.get(i++);
            String truth = e.getOutput().getLabel();
            if (p.getOutput().getLabel().equals(truth)) {
                correct++;
            }
            Label scored = p.getOutputScores().get(truth);
            loss -= Math.log(scored == null ? 0 : scored.getScore());
        }
        return new Score(loss / data.size(), correct / (double) data.size());
    }
}
