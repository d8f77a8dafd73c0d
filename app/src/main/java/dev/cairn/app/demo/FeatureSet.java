package dev.cairn.app.demo;

import java.util.Locale;

/** The features a demo model sees: the two raw coordinates, or those plus all their products up to degree 3. */
enum FeatureSet {
    RAW(new String[] {"x1", "x2"}),
    POLY3(new String[] {"x1", "x2", "x1^2", "x1*x2", "x2^2", "x1^3", "x1^2*x2", "x1*x2^2", "x2^3"});

    private final String[] names;

    FeatureSet(String[] names) {
        this.names = names;
    }

    /** Feature names, in the order of {@link #expand}. */
    String[] names() {
        return names.clone();
    }

    /** The features of the point (x1, x2). */
    double[] expand(double x1, double x2) {
        if (this == RAW) {
            return new double[] {x1, x2};
        }
        return new double[] {x1, x2, x1 * x1, x1 * x2, x2 * x2, x1 * x1 * x1, x1 * x1 * x2, x1 * x2 * x2,
            x2 * x2 * x2};
    }

    /** The param value, e.g. "poly3". */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
