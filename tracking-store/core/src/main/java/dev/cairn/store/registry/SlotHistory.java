package dev.cairn.store.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The succession of versions that held one stage or alias, replayed from the history: each promotion into the
 * stage (or pointing of the alias) pushes its version; each rollback pops the version it replaced (with any
 * versions above it that had already left), so rolling back again walks further back, skipping tenures that
 * were themselves rolled back. A deleted version leaves the succession altogether, so no rollback goes back to it.
 */
public final class SlotHistory {
    private final List<Integer> holders = new ArrayList<>();

    private SlotHistory() {
    }

    /** The succession of {@code stage}'s holders. */
    public static SlotHistory ofStage(List<ModelEvent> history, Stage stage) {
        SlotHistory h = new SlotHistory();
        for (ModelEvent e : history) {
            if (e.action() == EventAction.DELETE) {
                h.forget(e.version());
            } else if ((e.action() == EventAction.PROMOTE || e.action() == EventAction.IMPORT) && e.alias() == null
                    && stage.label().equals(e.to())) {
                h.holders.add(e.version());
            } else if (e.action() == EventAction.ROLLBACK && e.stage() == stage) {
                h.replayRollback(e.replacedVersion(), e.version());
            }
        }
        return h;
    }

    /** The succession of {@code alias}'s targets. */
    public static SlotHistory ofAlias(List<ModelEvent> history, String alias) {
        SlotHistory h = new SlotHistory();
        for (ModelEvent e : history) {
            if (e.action() == EventAction.DELETE) {
                h.forget(e.version());
                continue;
            }
            if (!alias.equals(e.alias())) {
                continue;
            }
            if (e.action() == EventAction.SET_ALIAS || e.action() == EventAction.IMPORT) {
                h.holders.add(e.version());
            } else if (e.action() == EventAction.ROLLBACK) {
                h.replayRollback(e.replacedVersion(), e.version());
            }
        }
        return h;
    }

    /** A planned rollback: {@code current} loses the slot, {@code previous} gets it back. */
    public record Plan(int current, int previous) {
    }

    /**
     * Plans a rollback: the current holder is the latest entry that still holds the slot; the previous one is
     * the entry below it that is a different version.
     *
     * @param holds    whether a version holds the slot now
     * @param slotName "Production" or "alias 'champion'", for messages
     */
    public Plan planRollback(IntPredicate holds, String slotName) {
        int i = holders.size() - 1;
        while (i >= 0 && !holds.test(holders.get(i))) {
            i--;
        }
        if (i < 0) {
            throw new RegistryRefusedException("Nothing to roll back: no version holds " + slotName + ".");
        }
        int current = holders.get(i);
        int j = i - 1;
        while (j >= 0 && holders.get(j) == current) {
            j--;
        }
        if (j < 0) {
            throw new RegistryRefusedException("Nothing to roll back to: no version held " + slotName
                    + " before version " + current + " (or those versions were already rolled back).");
        }
        return new Plan(current, holders.get(j));
    }

    /** The succession, oldest first (for tests and display). */
    List<Integer> holders() {
        return List.copyOf(holders);
    }

    private void forget(Integer deleted) {
        holders.removeIf(v -> Objects.equals(v, deleted));
    }

    private void replayRollback(Integer replaced, Integer restored) {
        int i = holders.lastIndexOf(replaced);
        if (i >= 0) {
            holders.subList(i, holders.size()).clear();
        }
        while (!holders.isEmpty() && Objects.equals(holders.get(holders.size() - 1), replaced)) {
            holders.remove(holders.size() - 1);
        }
        int k = holders.lastIndexOf(restored);
        if (k >= 0) {
            holders.subList(k + 1, holders.size()).clear();
        }
    }
}
