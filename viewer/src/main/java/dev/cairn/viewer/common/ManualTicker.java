package dev.cairn.viewer.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} that fires only when {@link #tick()} is called; for tests. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> actions = new ArrayList<>();

    @Override
    public Cancellable every(Duration period, Runnable action) {
        actions.add(action);
        return () -> actions.remove(action);
    }

    /** Runs every registered action once. */
    public void tick() {
        List.copyOf(actions).forEach(Runnable::run);
    }
}
