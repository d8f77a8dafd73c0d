package dev.cairn.viewer.compare;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.function.Function;

/** The legend under a chart: one entry per line in its colour; clicking an entry hides or shows that line. */
final class ChartLegend {
    private final FlowPane pane = new FlowPane(10, 2);
    private final ChartOptions options;

    ChartLegend(ChartOptions options) {
        this.options = options;
        pane.getStyleClass().add("compare-legend");
    }

    FlowPane node() {
        return pane;
    }

    void show(List<PlotSeries> series, Function<String, Color> colors) {
        pane.getChildren().clear();
        for (PlotSeries s : series) {
            Rectangle swatch = new Rectangle(12, 4, colors.apply(s.colorKey()));
            Label entry = new Label(s.label(), swatch);
            entry.getStyleClass().add("compare-legend-entry");
            entry.setId("legend-" + s.id());
            boolean hidden = options.hidden().contains(s.id());
            if (hidden) {
                entry.getStyleClass().add("hidden-line");
            }
            entry.setTooltip(new Tooltip(hidden ? "Click to show" : "Click to hide"));
            entry.setOnMouseClicked(e -> options.toggleHidden(s.id()));
            pane.getChildren().add(entry);
        }
    }
}
