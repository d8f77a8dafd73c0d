package dev.cairn.store.monitoring;

/**
 * A paired test of two model versions' predictions on the same rows of a batch: McNemar (exact, on correctness)
 * for classification, Wilcoxon signed-rank (normal approximation with tie correction, on absolute errors) for
 * regression.
 *
 * @param champion   the batch's own version
 * @param challenger the other version
 * @param test       "mcnemar" or "wilcoxon"
 * @param statistic  McNemar: rows only the challenger got right minus rows only the champion got right;
 *                   Wilcoxon: the smaller of the two signed-rank sums (as SciPy reports it)
 * @param pValue     two-sided p-value
 * @param rows       rows both versions predicted and that had a label
 */
public record PairedTest(int champion, int challenger, String test, double statistic, double pValue, long rows) {
    /** The name of the classification test. */
    public static final String MCNEMAR = "mcnemar";
    /** The name of the regression test. */
    public static final String WILCOXON = "wilcoxon";
}
