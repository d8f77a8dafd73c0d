package dev.cairn.viewer.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting on the state of a live scene without racing the FX thread.
 *
 * <p>A condition read from the test thread can see a view-model half way through an update the FX thread is still
 * making (one property set, the next not yet). Every condition and read here runs <em>on</em> the FX thread, so it
 * sees the scene between two events, never inside one.
 */
public final class FxWait {
    private FxWait() {
    }

    /** Waits (up to {@code seconds}) until {@code condition}, evaluated on the FX thread, holds. */
    public static void until(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> on(condition::getAsBoolean));
    }

    /** Runs {@code read} on the FX thread and returns what it returned. */
    public static <T> T on(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
