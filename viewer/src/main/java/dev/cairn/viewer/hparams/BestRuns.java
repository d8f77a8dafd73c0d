package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The top runs by the target, best first; runs without the target are never among them. */
public final class BestRuns {
    private BestRuns() {
    }

    /** Row indexes of the best {@code k} runs of {@code table}. */
    public static List<Integer> top(SweepTable table, int k) {
        ParamColumn target = table.targetColumn();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!target.isMissing(i)) {
                rows.add(i);
            }
        }
        Comparator<Integer> byValue = Comparator.comparingDouble(target::number);
        rows.sort(table.target().goal() == Goal.MAXIMISE ? byValue.reversed() : byValue);
        return List.copyOf(rows.subList(0, Math.min(k, rows.size())));
    }
}
