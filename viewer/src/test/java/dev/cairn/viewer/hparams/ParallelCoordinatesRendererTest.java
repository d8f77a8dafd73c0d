package dev.cairn.viewer.hparams;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brush redraw (dimmed layer copied band by band, only the kept runs drawn over it, bands on several threads)
 * gives exactly the pixels of drawing the whole frame from scratch on one thread.
 */
class ParallelCoordinatesRendererTest {

    @Test
    void bandsOfRowsTogetherDrawExactlyTheWholeLine() {
        Random random = new Random(5);
        LineRaster whole = new LineRaster(97, 61);
        LineRaster banded = new LineRaster(97, 61);
        for (int n = 0; n < 4_000; n++) {
            // mostly inside, some leaving the buffer, some vertical, flat or a single point
            double x0 = random.nextDouble() * 120 - 10;
            double y0 = random.nextDouble() * 80 - 10;
            double x1 = n % 7 == 0 ? x0 : random.nextDouble() * 120 - 10;
            double y1 = n % 11 == 0 ? y0 : random.nextDouble() * 80 - 10;
            if (n % 13 == 0) {
                x1 = x0 + random.nextDouble() * 0.4;
                y1 = y0 + random.nextDouble() * 0.4;
            }
            int argb = ColorScale.argbPremultiplied(random.nextDouble(), 0.1 + random.nextDouble() * 0.8);
            whole.line(x0, y0, x1, y1, argb);
            int band = 1 + random.nextInt(9);
            for (int row = 0; row < banded.height(); row += band) {
                banded.lineInRows(x0, y0, x1, y1, argb, row, Math.min(banded.height(), row + band));
            }
        }
        assertThat(banded.pixels()).isEqualTo(whole.pixels());
        assertThat(Arrays.stream(whole.pixels()).distinct().count()).as("distinct colours drawn").isGreaterThan(100);
    }

    @Test
    void aBrushRedrawGivesThePixelsOfAFullRedraw() {
        int n = 10_000;
        Random random = new Random(3);
        List<PlotAxis> axes = new ArrayList<>();
        for (int a = 0; a < 21; a++) {
            float[] positions = new float[n];
            int levels = a % 3 == 0 ? 2 + a % 4 : 0;
            for (int i = 0; i < n; i++) {
                positions[i] = levels > 0 ? random.nextInt(levels) / (float) (levels - 1) : random.nextFloat();
            }
            axes.add(new PlotAxis("p" + a, "p" + a, null, positions));
        }
        double[] fractions = new double[n];
        for (int i = 0; i < n; i++) {
            fractions[i] = i % 50 == 0 ? Double.NaN : random.nextDouble();
        }
        ParallelCoordinatesRenderer renderer = new ParallelCoordinatesRenderer(axes, PlotGeometry.of(1600, 900),
                fractions, ColorScale.argbPremultiplied(0.5, 0.07), ColorScale.argbPremultiplied(0.5, 0.5));

        BitSet all = new BitSet();
        all.set(0, n);
        assertThat(renderer.draw(all).pixels()).isEqualTo(renderer.drawFromScratch(all).pixels());
        for (double[] range : new double[][] {{0, 0.25}, {0.4, 0.9}, {0.98, 1}}) {
            BitSet kept = new BitSet();
            float[] positions = axes.get(1).positions();
            for (int i = 0; i < n; i++) {
                if (positions[i] >= range[0] && positions[i] <= range[1]) {
                    kept.set(i);
                }
            }
            // many kept runs go over the parallel bands, few over one thread
            assertThat(renderer.draw(kept).pixels()).as("kept %s", range.length)
                    .isEqualTo(renderer.drawFromScratch(kept).pixels());
        }
        BitSet none = new BitSet();
        assertThat(renderer.draw(none).pixels()).isEqualTo(renderer.drawFromScratch(none).pixels());
    }
}
