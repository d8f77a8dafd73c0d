package dev.cairn.store.registry;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Writes the message of a {@link RegistryConflictException}: what was expected, what is, and who changed it. */
public final class ConflictReport {
    private ConflictReport() {
    }

    public static RegistryConflictException conflict(String action, Expectation.Claim claim, ModelState state,
                                              List<ModelEvent> history) {
        StringBuilder m = new StringBuilder();
        m.append("Cannot ").append(action).append(": expected ").append(claim.describe()).append(" in ")
                .append(state.model()).append(", but ").append(claim.actual(state)).append('.');
        ModelEvent last = null;
        Predicate<ModelEvent> relevant = relevantTo(claim);
        for (ModelEvent e : history) {
            if (relevant.test(e)) {
                last = e;
            }
        }
        if (last != null) {
            m.append(" Last change: ").append(last.describe()).append(" at ")
                    .append(Instant.ofEpochMilli(last.timeMs()));
            if (last.comment() != null) {
                m.append(" (\"").append(last.comment()).append("\")");
            }
            m.append('.');
        }
        m.append(" Nothing was changed; look again and retry.");
        return new RegistryConflictException(m.toString());
    }

    private static Predicate<ModelEvent> relevantTo(Expectation.Claim claim) {
        if (claim instanceof Expectation.VersionStage vs) {
            return e -> e.stage() != null && (isVersion(e.version(), vs.version())
                    || isVersion(e.replacedVersion(), vs.version()));
        }
        if (claim instanceof Expectation.StageHolders sh) {
            String label = sh.stage().label();
            return e -> e.stage() != null && (label.equals(e.from()) || label.equals(e.to()));
        }
        Expectation.AliasTarget at = (Expectation.AliasTarget) claim;
        return e -> at.alias().equals(e.alias());
    }

    private static boolean isVersion(Integer a, int b) {
        return a != null && a == b;
    }
}
