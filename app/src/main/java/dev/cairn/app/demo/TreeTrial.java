package dev.cairn.app.demo;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A CART decision tree trained with Tribuo's {@link CARTClassificationTrainer}; one point at step 0. */
record TreeTrial(int number, int maxDepth, int minLeafSize, String impurity, FeatureSet features, long seed)
        implements Trial {

    static final String MODEL = "cart";

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%03d-cart-%s-d%d-leaf%d", number, impurity, maxDepth, minLeafSize);
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", MODEL);
        p.put("max_depth", Integer.toString(maxDepth));
        p.put("min_leaf_size", Integer.toString(minLeafSize));
        p.put("impurity", impurity);
        p.put("features", features.label());
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public long simulatedStepMs() {
        return 900 + 350L * maxDepth * (features == FeatureSet.POLY3 ? 3 : 1) + Math.floorMod(seed * 17, 400);
    }

    @Override
    public TrialResult train(CrescentsData data) {
        LabelImpurity criterion = impurity.equals("entropy") ? new Entropy() : new GiniIndex();
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(maxDepth, minLeafSize, 0f, 1f, false,
                criterion, seed);
        Model<Label> model = trainer.train(data.train(features));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("train/accuracy", Score.of(model, data.train(features)).accuracy());
        values.put("val/accuracy", Score.of(model, data.validation(features)).accuracy());
        TrialResult result = new TrialResult();
        result.record(0, values);
        return result;
    }
}
