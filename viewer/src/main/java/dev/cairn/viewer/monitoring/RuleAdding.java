package dev.cairn.viewer.monitoring;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.AlertRule;

import java.util.List;

/**
 * Stores a new alert rule and evaluates the model's rules on the newest batch of each version it watches, so the
 * rules pane shows at once whether it holds (and the alert it raised). The viewer cannot evaluate drift-share rules
 * (they need the drift-test plugins), so the app passes its evaluator in, the one {@code cairn monitor rule add}
 * uses. Called off the UI thread.
 */
@FunctionalInterface
public interface RuleAdding {
    /** Stores {@code rule} (id 0) and evaluates it; a {@link RuntimeException} when the store refuses it. */
    Added add(TrackingStore store, AlertRule rule);

    /**
     * What adding found.
     *
     * @param rule  the stored rule, with its id
     * @param lines one line per version evaluated ("Holds on the newest batch of v2 ...") or why none was
     */
    record Added(AlertRule rule, List<String> lines) {
        public Added {
            lines = List.copyOf(lines);
        }
    }
}
