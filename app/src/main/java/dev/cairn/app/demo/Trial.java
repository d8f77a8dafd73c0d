package dev.cairn.app.demo;

import java.util.Map;

/** One model configuration of the demo: its run name, params and tags, and how to train and score it. */
interface Trial {

    String name();

    /** Params as logged (numbers, booleans and strings written the way a data scientist would). */
    Map<String, String> params();

    FeatureSet features();

    /** Simulated wall-clock time of one step (epoch), so timestamps look like a real training job. */
    long simulatedStepMs();

    /** Trains the model for real and scores it. */
    TrialResult train(CrescentsData data);
}
