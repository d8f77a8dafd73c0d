package dev.cairn.viewer.drift;

import atlantafx.base.theme.PrimerLight;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.testing.FxWait;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The drawn reference and batch histograms: where they overlap, neither hides the other. */
@ExtendWith(ApplicationExtension.class)
class DistributionChartFxTest {
    private DistributionChart chart;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        chart = new DistributionChart(Theme.LIGHT);
        stage.setScene(new Scene(chart, 520, 360));
        stage.show();
    }

    @Test
    void overlappingHistogramsAreDrawnTranslucent() throws Exception {
        double[] edges = IntStream.rangeClosed(0, 10).asDoubleStream().toArray();
        double[] rising = IntStream.range(0, 10).mapToDouble(i -> 0.02 * (i + 1)).toArray();
        double[] falling = IntStream.range(0, 10).mapToDouble(i -> 0.02 * (10 - i)).toArray();
        List<String> labels = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        FxWait.on(() -> {
            chart.show(new Distribution("x", true, labels, rising, falling, edges, null));
            return null;
        });
        FxWait.laidOut();
        WritableImage image = FxWait.on(() -> chart.snapshot(null, null));

        Color batch = RunColors.series(1, Theme.LIGHT);
        Color reference = RunColors.series(0, Theme.LIGHT);
        PixelReader pixels = image.getPixelReader();
        int opaqueBatch = 0;
        int opaqueReference = 0;
        int coloured = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                opaqueBatch += near(c, batch) ? 1 : 0;
                opaqueReference += near(c, reference) ? 1 : 0;
                coloured += c.getSaturation() > 0.15 ? 1 : 0;
            }
        }
        assertThat(coloured).as("the histograms are drawn").isGreaterThan(5_000);
        assertThat(opaqueBatch).as("the batch does not cover the reference with its opaque colour").isLessThan(200);
        assertThat(opaqueReference).as("nor the reference the batch").isLessThan(200);
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }
}
