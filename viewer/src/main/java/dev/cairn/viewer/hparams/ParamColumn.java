package dev.cairn.viewer.hparams;

import dev.cairn.store.model.ParamValue;
import dev.cairn.viewer.common.Formats;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * One param (or metric) across the runs in view. Numeric when every logged value reads as a number (strings such
 * as "1e-3" included), categorical otherwise. Missing values are NaN in {@link #numbers()} and -1 in
 * {@link #codes()}; non-finite numbers (NaN, inf) count as missing.
 */
public final class ParamColumn {
    private final String name;
    private final ParamKind kind;
    private final double[] numbers;
    private final List<String> categories;
    private final int[] codes;
    private final int missing;
    private final int distinct;

    private ParamColumn(String name, ParamKind kind, double[] numbers, List<String> categories, int[] codes,
                        int missing, int distinct) {
        this.name = name;
        this.kind = kind;
        this.numbers = numbers;
        this.categories = categories;
        this.codes = codes;
        this.missing = missing;
        this.distinct = distinct;
    }

    /** A column from the raw logged strings, one per run; null means the run did not log it. */
    public static ParamColumn ofRaw(String name, String[] raw) {
        boolean numeric = true;
        TreeSet<String> values = new TreeSet<>();
        for (String r : raw) {
            if (r != null) {
                values.add(r);
                if (numeric && ParamValue.parseNumber(r) == null) {
                    numeric = false;
                }
            }
        }
        int missing = 0;
        if (numeric && !values.isEmpty()) {
            double[] numbers = new double[raw.length];
            TreeSet<Double> distinctNumbers = new TreeSet<>();
            for (int i = 0; i < raw.length; i++) {
                Double v = raw[i] == null ? null : ParamValue.parseNumber(raw[i]);
                numbers[i] = v == null || !Double.isFinite(v) ? Double.NaN : v;
                if (Double.isNaN(numbers[i])) {
                    missing++;
                } else {
                    distinctNumbers.add(numbers[i]);
                }
            }
            return new ParamColumn(name, ParamKind.NUMERIC, numbers, List.of(), null, missing,
                    distinctNumbers.size());
        }
        List<String> categories = List.copyOf(values);
        int[] codes = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            codes[i] = raw[i] == null ? -1 : categories.indexOf(raw[i]);
            if (codes[i] < 0) {
                missing++;
            }
        }
        return new ParamColumn(name, ParamKind.CATEGORICAL, null, categories, codes, missing, categories.size());
    }

    /** A numeric column (e.g. a metric or the target); NaN means missing. */
    public static ParamColumn ofNumbers(String name, double[] values) {
        double[] copy = values.clone();
        int missing = 0;
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                copy[i] = Double.NaN;
                missing++;
            }
        }
        long distinct = Arrays.stream(copy).filter(v -> !Double.isNaN(v)).distinct().count();
        return new ParamColumn(name, ParamKind.NUMERIC, copy, List.of(), null, missing, (int) distinct);
    }

    public String name() {
        return name;
    }

    public ParamKind kind() {
        return kind;
    }

    public boolean isNumeric() {
        return kind == ParamKind.NUMERIC;
    }

    public int size() {
        return isNumeric() ? numbers.length : codes.length;
    }

    /** The value of row {@code i} as a number (NaN when missing); categorical columns give the category code. */
    public double number(int i) {
        if (isNumeric()) {
            return numbers[i];
        }
        return codes[i] < 0 ? Double.NaN : codes[i];
    }

    public boolean isMissing(int i) {
        return isNumeric() ? Double.isNaN(numbers[i]) : codes[i] < 0;
    }

    /** Category of row {@code i} (-1 when missing); categorical columns only. */
    public int code(int i) {
        return codes[i];
    }

    /** Sorted distinct values of a categorical column (empty for numeric ones). */
    public List<String> categories() {
        return categories;
    }

    /** Rows without a value. */
    public int missingCount() {
        return missing;
    }

    /** Distinct values, missing not counted. */
    public int distinctCount() {
        return distinct;
    }

    /** A param with only one value across the runs (missing counts as a value) explains nothing. */
    public boolean isConstant() {
        return distinct + (missing > 0 ? 1 : 0) <= 1;
    }

    /** Smallest and largest present value (NaN, NaN when none); numeric columns. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size(); i++) {
            double v = number(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** Text of row {@code i}'s value for tooltips and tables. */
    public String text(int i) {
        if (isMissing(i)) {
            return "—";
        }
        return isNumeric() ? Formats.number(numbers[i]) : categories.get(codes[i]);
    }
}
