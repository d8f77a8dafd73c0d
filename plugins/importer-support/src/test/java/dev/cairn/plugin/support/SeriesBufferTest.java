package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportedSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesBufferTest {
    @Test
    void growsPastItsCapacityKeepingEveryPointInOrder() {
        SeriesBuffer b = new SeriesBuffer(1);
        for (int i = 0; i < 1000; i++) {
            b.add(i, 1_000L + i, i / 2.0);
        }
        assertThat(b.size()).isEqualTo(1000);
        ImportedSeries s = b.toSeries("loss");
        assertThat(s.key()).isEqualTo("loss");
        assertThat(s.steps()).hasSize(1000).startsWith(0L, 1L).endsWith(999L);
        assertThat(s.timestamps()).startsWith(1_000L).endsWith(1_999L);
        assertThat(s.values()).startsWith(0.0, 0.5).endsWith(499.5);
    }

    @Test
    void anEmptyBufferIsAnEmptySeriesAndToSeriesCopies() {
        SeriesBuffer b = new SeriesBuffer(0);
        assertThat(b.toSeries("x").steps()).isEmpty();
        b.add(3, 4, Double.NaN);
        ImportedSeries first = b.toSeries("x");
        b.add(5, 6, 7);
        assertThat(first.steps()).containsExactly(3L);
        assertThat(b.toSeries("x").steps()).containsExactly(3L, 5L);
    }
}
