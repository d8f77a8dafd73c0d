package dev.cairn.viewer.hparams;

import java.util.List;

/**
 * Importance of the params for the target, sorted most important first, with the number of runs it rests on.
 * When {@link #reliable()} is false (too few runs) the importances are NaN and only {@link #explanation()} should
 * be shown.
 */
public record ImportanceReport(List<ParamImportance> params, int runCount, boolean reliable, String explanation) {

    public ImportanceReport {
        params = List.copyOf(params);
    }
}
