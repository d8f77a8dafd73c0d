package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.List;

/**
 * The chosen params of some rows encoded as numbers for a regression model. A numeric param is one feature (a
 * missing value sits below the smallest present one) plus a "missing" indicator when any value is missing; a
 * categorical param is one-hot, one feature per value plus one for missing. {@link #groups()} tells which
 * features belong to which param, so a param can be permuted as a whole.
 */
final class FeatureMatrix {
    private final List<String> featureNames;
    private final List<String> params;
    private final int[][] groups;
    private final double[][] rows;

    private FeatureMatrix(List<String> featureNames, List<String> params, int[][] groups, double[][] rows) {
        this.featureNames = featureNames;
        this.params = params;
        this.groups = groups;
        this.rows = rows;
    }

    /** Encodes rows {@code rowIndexes} of {@code columns}. */
    static FeatureMatrix encode(List<ParamColumn> columns, int[] rowIndexes) {
        List<String> names = new ArrayList<>();
        List<String> params = new ArrayList<>();
        int[][] groups = new int[columns.size()][];
        for (int p = 0; p < columns.size(); p++) {
            ParamColumn c = columns.get(p);
            params.add(c.name());
            int first = names.size();
            if (c.isNumeric()) {
                names.add(c.name());
                if (c.missingCount() > 0) {
                    names.add(c.name() + "#missing");
                }
            } else {
                for (String category : c.categories()) {
                    names.add(c.name() + "=" + category);
                }
                if (c.missingCount() > 0) {
                    names.add(c.name() + "#missing");
                }
            }
            groups[p] = range(first, names.size());
        }
        double[][] rows = new double[rowIndexes.length][names.size()];
        for (int p = 0; p < columns.size(); p++) {
            ParamColumn c = columns.get(p);
            int first = groups[p][0];
            double[] range = c.isNumeric() ? c.range() : null;
            double missingValue = c.isNumeric() && !Double.isNaN(range[0])
                    ? range[0] - (range[1] - range[0]) - 1 : 0;
            for (int r = 0; r < rowIndexes.length; r++) {
                int i = rowIndexes[r];
                if (c.isNumeric()) {
                    boolean missing = c.isMissing(i);
                    rows[r][first] = missing ? missingValue : c.number(i);
                    if (c.missingCount() > 0) {
                        rows[r][first + 1] = missing ? 1 : 0;
                    }
                } else if (c.isMissing(i)) {
                    rows[r][first + c.categories().size()] = 1;
                } else {
                    rows[r][first + c.code(i)] = 1;
                }
            }
        }
        return new FeatureMatrix(List.copyOf(names), List.copyOf(params), groups, rows);
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    List<String> featureNames() {
        return featureNames;
    }

    List<String> params() {
        return params;
    }

    /** Feature indexes of each param, in {@link #params()} order. */
    int[][] groups() {
        return groups;
    }

    double[][] rows() {
        return rows;
    }
}
