package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.model.MetricSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTailTest {
    private static final MetricSummary STORED = new MetricSummary("loss", 0.3, 0.3, 0.9, 3, 2, 1002);

    private static ImportedSeries series(long[] steps, long[] ts) {
        return new ImportedSeries("loss", steps, ts, new double[steps.length]);
    }

    @Test
    void sameCountEndingAtTheStoredLastAddsNothing() {
        ImportedSeries same = series(new long[] {0, 1, 2}, new long[] {1000, 1001, 1002});
        assertThat(StoredTail.newPoints(same, STORED)).hasValueSatisfying(s -> assertThat(s.size()).isZero());
    }

    @Test
    void aGrownSourceAddsOnlyTheNewTail() {
        ImportedSeries grown = series(new long[] {0, 1, 2, 3, 4}, new long[] {1000, 1001, 1002, 1003, 1004});
        assertThat(StoredTail.newPoints(grown, STORED)).hasValueSatisfying(s -> {
            assertThat(s.steps()).containsExactly(3, 4);
            assertThat(s.timestamps()).containsExactly(1003, 1004);
        });
    }

    @Test
    void anythingElseFallsBackToAFullDedupe() {
        ImportedSeries doubled = series(new long[] {0, 0, 1, 1, 2, 2}, new long[] {1000, 1000, 1001, 1001, 1002, 1002});
        ImportedSeries older = series(new long[] {0, 1, 2, 1}, new long[] {1000, 1001, 1002, 999});
        ImportedSeries shorter = series(new long[] {0, 1}, new long[] {1000, 1001});
        ImportedSeries rewritten = series(new long[] {0, 1, 2}, new long[] {1000, 1001, 1005});
        assertThat(StoredTail.newPoints(doubled, STORED)).isEmpty();
        assertThat(StoredTail.newPoints(older, STORED)).isEmpty();
        assertThat(StoredTail.newPoints(shorter, STORED)).isEmpty();
        assertThat(StoredTail.newPoints(rewritten, STORED)).isEmpty();
        assertThat(StoredTail.newPoints(shorter, null)).isEmpty();
    }
}
