package dev.cairn.viewer.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** A {@link Ticker} on a JavaFX timeline (runs on the FX thread; the action should only submit work). */
public final class FxTicker implements Ticker {
    @Override
    public Cancellable every(java.time.Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
