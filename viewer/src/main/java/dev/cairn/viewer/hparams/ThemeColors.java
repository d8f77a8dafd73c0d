package dev.cairn.viewer.hparams;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Reads the current theme's colours for drawing on a canvas: invisible labels styled with the theme's looked-up
 * colours ({@code hparams.css}), read after CSS has been applied.
 */
final class ThemeColors {
    private final Label foreground = probe("hparams-probe-fg");
    private final Label muted = probe("hparams-probe-muted");
    private final Label accent = probe("hparams-probe-accent");
    private final Label background = probe("hparams-probe-bg");

    /** Adds the probes (invisible, unmanaged) to {@code parent}. */
    void attachTo(Pane parent) {
        parent.getChildren().addAll(foreground, muted, accent, background);
    }

    Color foreground() {
        return color(foreground, Color.BLACK);
    }

    Color muted() {
        return color(muted, Color.GRAY);
    }

    Color accent() {
        return color(accent, Color.DODGERBLUE);
    }

    Color background() {
        return color(background, Color.WHITE);
    }

    /** True when the background is dark. */
    boolean dark() {
        return background().getBrightness() < 0.5;
    }

    private static Label probe(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    private static Color color(Label probe, Color fallback) {
        probe.applyCss();
        Paint p = probe.getTextFill();
        return p instanceof Color c ? c : fallback;
    }
}
