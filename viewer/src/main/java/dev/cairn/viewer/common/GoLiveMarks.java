package dev.cairn.viewer.common;

import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.Stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The moments a version started serving, read from a model's history for the performance charts (drift and
 * monitoring): promotions to Production ("v3 live") and rollbacks of Production ("rollback to v2"). A version deleted
 * later keeps its mark, since it did serve then, and says so: "v3 live (deleted)".
 */
public final class GoLiveMarks {
    private GoLiveMarks() {
    }

    /** One mark: when, and its label. */
    public record Mark(long timeMs, String label) {
    }

    /** The go-live marks of {@code history} (a model's whole history, oldest first), oldest first. */
    public static List<Mark> of(List<ModelEvent> history) {
        Set<Integer> deleted = new HashSet<>();
        for (ModelEvent e : history) {
            if (e.action() == EventAction.DELETE) {
                deleted.add(e.version());
            }
        }
        List<Mark> marks = new ArrayList<>();
        for (ModelEvent e : history) {
            String label;
            if (e.action() == EventAction.ROLLBACK && e.alias() == null && e.stage() == Stage.PRODUCTION) {
                label = "rollback to v" + e.version();
            } else if (e.action() == EventAction.PROMOTE && e.stage() == Stage.PRODUCTION) {
                label = "v" + e.version() + " live";
            } else {
                continue;
            }
            marks.add(new Mark(e.timeMs(), deleted.contains(e.version()) ? label + " (deleted)" : label));
        }
        return List.copyOf(marks);
    }
}
