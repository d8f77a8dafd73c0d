package dev.cairn.viewer.compare;

import dev.cairn.store.model.RunDetails;

/**
 * Grouping of runs by the value of a param or a tag; runs without it fall in the group "(none)".
 *
 * @param tag  true for a tag key, false for a param key
 */
public record GroupBy(boolean tag, String key) {
    /** The group of runs lacking the key. */
    public static final String NONE = "(none)";

    public static GroupBy param(String key) {
        return new GroupBy(false, key);
    }

    public static GroupBy tag(String key) {
        return new GroupBy(true, key);
    }

    public String valueOf(RunDetails run) {
        String v = (tag ? run.tags() : run.params()).get(key);
        return v == null ? NONE : v;
    }

    @Override
    public String toString() {
        return (tag ? "tag " : "param ") + key;
    }
}
