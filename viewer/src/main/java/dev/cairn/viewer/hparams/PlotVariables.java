package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variables a scatter or contour plot can put on an axis: the target, every param and every metric (reduced
 * by the target's aggregate). Metrics are named "metric: key" so that they never clash with params.
 */
final class PlotVariables {
    static final String METRIC_PREFIX = "metric: ";

    private PlotVariables() {
    }

    /** Every variable name of {@code table}: the target first, then params, then metrics. */
    static List<String> all(SweepTable table) {
        List<String> out = new ArrayList<>();
        out.add(table.target().label());
        out.addAll(table.params().keySet());
        for (String m : table.metrics().keySet()) {
            out.add(METRIC_PREFIX + m);
        }
        return out;
    }

    /** Numeric params only (for the contour's axes). */
    static List<String> numericParams(SweepTable table) {
        return table.params().values().stream().filter(ParamColumn::isNumeric).map(ParamColumn::name).toList();
    }

    /** The column of a variable name. */
    static Optional<ParamColumn> column(SweepTable table, String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals(table.target().label())) {
            return Optional.of(table.targetColumn());
        }
        if (name.startsWith(METRIC_PREFIX)) {
            return Optional.ofNullable(table.metrics().get(name.substring(METRIC_PREFIX.length())));
        }
        return Optional.ofNullable(table.params().get(name));
    }
}
