package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.SeriesBuffer;
import dev.cairn.store.model.RunStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Everything read from the event files of one run directory. */
final class RunData {
    final TagTable tags = new TagTable();
    final Map<String, String> params = new LinkedHashMap<>();
    /** Skipped summaries by kind (images, histograms, graphs, ...). */
    final Map<String, Integer> skipped = new TreeMap<>();
    long firstWallMs = Long.MAX_VALUE;
    long lastWallMs = Long.MIN_VALUE;
    long records;
    long scalarPoints;
    boolean hparamsExperiment;
    RunStatus status;
    String group;

    void wallTime(long ms) {
        if (ms < firstWallMs) {
            firstWallMs = ms;
        }
        if (ms > lastWallMs) {
            lastWallMs = ms;
        }
    }

    void skip(String kind) {
        skipped.merge(kind, 1, Integer::sum);
    }

    void point(TagTable.Tag tag, long step, long timestamp, double value) {
        if (tag.series == null) {
            tag.series = new SeriesBuffer(64);
        }
        tag.series.add(step, timestamp, value);
        scalarPoints++;
    }

    /** True when nothing a run is made of was found: no scalar and no hyperparameter. */
    boolean isEmpty() {
        return scalarPoints == 0 && params.isEmpty();
    }
}
