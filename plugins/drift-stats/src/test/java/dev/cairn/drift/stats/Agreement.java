package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares computed values with SciPy's and keeps the worst errors for the report.
 *
 * <p>Tolerance: a value agrees when {@code |actual - expected| <= 1e-9 · max(1e-3, |expected|)}:
 * 1e-9 relative for values above 1e-3, and 1e-12 absolute below (p-values that small are
 * decided long before the 12th decimal). The reported maximum relative error skips subnormal
 * expected values, which carry fewer than 16 significant digits.
 */
public final class Agreement {

    static final double RELATIVE = 1e-9;
    static final double FLOOR = 1e-3;

    private final String label;
    private double maxAbs;
    private double maxRel;
    private int count;
    private String worst = "-";

    public Agreement(String label) {
        this.label = label;
    }

    public void check(String what, double expected, double actual) {
        count++;
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        if (Double.isInfinite(expected) || expected == actual) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double abs = Math.abs(actual - expected);
        double rel = abs / Math.abs(expected);
        maxAbs = Math.max(maxAbs, abs);
        if (rel > maxRel && Math.abs(expected) >= Double.MIN_NORMAL) {
            maxRel = rel;
            worst = what + " expected " + expected + " got " + actual;
        }
        assertThat(abs).as("%s: expected %s but was %s (abs %s, rel %s)", what, expected, actual, abs, rel)
                .isLessThanOrEqualTo(RELATIVE * Math.max(FLOOR, Math.abs(expected)));
    }

    String summary() {
        return String.format("%-28s %5d values  max abs err %.3g  max rel err %.3g  (worst: %s)", label, count,
                maxAbs, maxRel, worst);
    }

    public void report() {
        System.out.println("[agreement] " + summary());
    }
}
