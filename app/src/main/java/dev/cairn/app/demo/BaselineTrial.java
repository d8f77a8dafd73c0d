package dev.cairn.app.demo;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reference every sweep is compared with: always predict the most frequent training label. */
record BaselineTrial() implements Trial {

    @Override
    public String name() {
        return "baseline-most-frequent";
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", "dummy");
        p.put("strategy", "most_frequent");
        p.put("features", features().label());
        return p;
    }

    @Override
    public FeatureSet features() {
        return FeatureSet.RAW;
    }

    @Override
    public long simulatedStepMs() {
        return 1_200;
    }

    @Override
    public TrialResult train(CrescentsData data) {
        Model<Label> model = DummyClassifierTrainer.createMostFrequentTrainer().train(data.train(features()));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("train/accuracy", Score.of(model, data.train(features())).accuracy());
        values.put("val/accuracy", Score.of(model, data.validation(features())).accuracy());
        TrialResult result = new TrialResult();
        result.record(0, values);
        return result;
    }
}
