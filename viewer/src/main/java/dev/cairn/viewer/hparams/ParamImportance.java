package dev.cairn.viewer.hparams;

/**
 * How strongly one param drives the target.
 *
 * @param spearman   rank correlation with the target (-1..1), NaN for categorical params or too few values
 * @param importance permutation importance: the growth of the forest's squared error when this param's values
 *                   are shuffled, as a fraction of the target's variance (0 = irrelevant); NaN when not computed
 */
public record ParamImportance(String param, double spearman, double importance) {
}
