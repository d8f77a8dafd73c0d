package dev.cairn.viewer.hparams;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.paint.Color;

import java.util.Locale;

/** Shared set-up of the ChartFX charts of this view. */
final class ChartStyling {
    private ChartStyling() {
    }

    static void plain(XYChart chart) {
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setToolBarPinned(false);
        chart.getRenderers().clear();
        chart.getPlugins().clear();
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
