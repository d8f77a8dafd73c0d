package dev.cairn.viewer.testing;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting on the state of a live scene without racing the FX thread.
 *
 * <p>A condition read from the test thread can see a view-model half way through an update the FX thread is still
 * making (one property set, the next not yet). Every condition and read here runs <em>on</em> the FX thread, so it
 * sees the scene between two events, never inside one.
 *
 * <p>A condition can also hold before the scene shows it: a property set by a background task's result is laid out
 * (new cells, a new screen, a node's new size) at the next pulse. {@link #until} therefore returns only after the
 * next layout pass, so a click or a position read right after it meets nodes where they are drawn.
 */
public final class FxWait {
    private FxWait() {
    }

    /**
     * Waits (up to {@code seconds}) until {@code condition}, evaluated on the FX thread, holds, then for the next
     * layout pass of the showing windows.
     */
    public static void until(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> on(condition::getAsBoolean));
        laidOut();
    }

    /** Runs {@code read} on the FX thread and returns what it returned. */
    public static <T> T on(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits for one pulse's layout pass (requested now) of the showing windows' scenes: whatever changed before this
     * call is laid out when it returns. Returns at once when no window is showing.
     */
    public static void laidOut() throws Exception {
        CompletableFuture<Void> pulsed = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                    .filter(s -> s != null).findFirst().orElse(null);
            if (scene == null) {
                pulsed.complete(null);
                return;
            }
            // every showing scene is laid out in the same pulse; one scene's listener marks its end
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (pulsed.complete(null)) {
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        pulsed.get(30, TimeUnit.SECONDS);
    }
}
