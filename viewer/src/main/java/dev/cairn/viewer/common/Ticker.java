package dev.cairn.viewer.common;

import java.time.Duration;

/** Calls an action repeatedly on the UI thread (live updates). Tests use {@link ManualTicker}. */
public interface Ticker {
    Cancellable every(Duration period, Runnable action);
}
