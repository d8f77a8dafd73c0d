package dev.cairn.app.serve;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Names for runs created without one, in the shape MLflow's server gives them: {@code adjective-noun-N} with N from
 * 0 to 999 (e.g. {@code brave-otter-417}). Cairn's own word lists; the name is the run's name field, so MLflow
 * clients see it as {@code run_name} and as the {@code mlflow.runName} tag.
 */
final class RunNames {
    private static final List<String> ADJECTIVES = List.of("amber", "bold", "brave", "bright", "calm", "clever",
            "crisp", "curious", "daring", "eager", "fair", "fast", "gentle", "glad", "golden", "grand", "happy",
            "humble", "keen", "kind", "lively", "loud", "lucky", "mellow", "merry", "nimble", "noble", "patient",
            "polite", "proud", "quick", "quiet", "rapid", "silent", "smooth", "steady", "swift", "tidy", "vivid",
            "warm", "wise", "witty");
    private static final List<String> NOUNS = List.of("badger", "bear", "bison", "crane", "deer", "dove", "eagle",
            "falcon", "finch", "fox", "frog", "gull", "hare", "hawk", "heron", "horse", "ibis", "koala", "lark",
            "lion", "lynx", "mole", "moose", "newt", "otter", "owl", "panda", "pike", "quail", "raven", "robin",
            "seal", "shrew", "sloth", "snail", "stork", "swan", "tiger", "toad", "trout", "wolf", "wren", "yak");

    private RunNames() {
    }

    /** A new random name. */
    static String generate(RandomGenerator random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + random.nextInt(1000);
    }
}
