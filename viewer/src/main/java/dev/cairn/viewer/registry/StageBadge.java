package dev.cairn.viewer.registry;

import dev.cairn.store.registry.Stage;
import javafx.scene.control.Label;

import java.util.Locale;

/** A small coloured label for a version's stage ({@code stage-badge stage-production} etc. in registry.css). */
final class StageBadge {
    private StageBadge() {
    }

    static Label of(Stage stage) {
        Label l = new Label(stage.label());
        l.getStyleClass().addAll("stage-badge", "stage-" + stage.name().toLowerCase(Locale.ROOT));
        return l;
    }
}
