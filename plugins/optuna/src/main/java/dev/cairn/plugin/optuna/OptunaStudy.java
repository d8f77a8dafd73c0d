package dev.cairn.plugin.optuna;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A study as read from an Optuna storage (SQLite or journal), before it becomes runs. */
final class OptunaStudy {
    final String name;
    final List<String> directions = new ArrayList<>();
    final Map<String, String> userAttrs = new LinkedHashMap<>();
    /** Objective names when the study recorded them ({@code study:metric_names}), else empty. */
    final List<String> metricNames = new ArrayList<>();
    final List<Trial> trials = new ArrayList<>();

    OptunaStudy(String name) {
        this.name = name;
    }

    /** A trial: Optuna's state name, times in ms (or null), params, objective values, intermediate values. */
    static final class Trial {
        final int number;
        String state = "RUNNING";
        Long startMs;
        Long completeMs;
        final Map<String, Param> params = new LinkedHashMap<>();
        List<Double> values = new ArrayList<>();
        final TreeMap<Long, Double> intermediate = new TreeMap<>();
        final Map<String, String> userAttrs = new LinkedHashMap<>();

        Trial(int number) {
            this.number = number;
        }

        boolean isFinished() {
            return state.equals("COMPLETE") || state.equals("PRUNED") || state.equals("FAIL");
        }
    }

    /** A param's internal value and the distribution (as Optuna's JSON) that decodes it. */
    record Param(double internal, String distributionJson) {
    }
}
