package dev.cairn.viewer.compare;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The legend under a chart: one entry per line in its colour; clicking an entry hides or shows that line. Entries
 * are rebuilt only when the lines or their hidden state change (not on every zoom or live update).
 */
final class ChartLegend {
    private final FlowPane pane = new FlowPane(10, 2);
    private final ChartOptions options;
    private List<String> shownSignature = List.of();

    ChartLegend(ChartOptions options) {
        this.options = options;
        pane.getStyleClass().add("compare-legend");
        Tooltip.install(pane, new Tooltip("Click an entry to hide or show its line"));
    }

    FlowPane node() {
        return pane;
    }

    void show(List<PlotSeries> series, Function<String, Color> colors) {
        List<String> signature = new ArrayList<>();
        for (PlotSeries s : series) {
            signature.add(s.id() + "\u0000" + s.label() + "\u0000" + options.hidden().contains(s.id()));
        }
        if (signature.equals(shownSignature)) {
            return;
        }
        shownSignature = signature;
        List<Label> entries = new ArrayList<>();
        for (PlotSeries s : series) {
            Rectangle swatch = new Rectangle(12, 4, colors.apply(s.colorKey()));
            Label entry = new Label(s.label(), swatch);
            entry.getStyleClass().add("compare-legend-entry");
            entry.setId("legend-" + s.id());
            if (options.hidden().contains(s.id())) {
                entry.getStyleClass().add("hidden-line");
            }
            entry.setOnMouseClicked(e -> options.toggleHidden(s.id()));
            entries.add(entry);
        }
        pane.getChildren().setAll(entries);
    }
}
