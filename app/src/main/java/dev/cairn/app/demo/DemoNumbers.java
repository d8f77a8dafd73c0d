package dev.cairn.app.demo;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for demo params and names. */
final class DemoNumbers {
    private DemoNumbers() {
    }

    /** {@code value} rounded to 3 significant digits, without trailing zeros: 0.00123, 0.5, 50. */
    static double round3(double value) {
        return new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }

    /** A short plain decimal: 0.00123, 0.5, 50 (never scientific notation). */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
