package dev.cairn.store.internal.series;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Each group of a chunk summary decodes alone to the same points as the whole chunk, for random chunks. */
class ChunkSummaryTest {
    @Test
    void everyGroupDecodesAloneLikeTheWholeChunk() {
        Random random = new Random(21);
        ChunkSummary summary = new ChunkSummary();
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(ChunkCodec.CHUNK_POINTS);
            long[] s = new long[n];
            long[] t = new long[n];
            double[] v = new double[n];
            long step = random.nextLong() >> random.nextInt(64);
            long ts = random.nextLong() >> random.nextInt(64);
            for (int i = 0; i < n; i++) {
                step += random.nextInt(10) == 0 ? random.nextLong() >> random.nextInt(64) : random.nextInt(5) - 1;
                ts += random.nextInt(10) == 0 ? random.nextLong() >> random.nextInt(64) : random.nextInt(300);
                s[i] = step;
                t[i] = ts;
                v[i] = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian();
            }
            byte[] chunk = ChunkCodec.encode(s, t, v, 0, n);
            summary.decode(ChunkSummary.encode(s, t, v, 0, n));
            assertThat(summary.groups()).isEqualTo((n + ChunkSummary.GROUP_POINTS - 1) / ChunkSummary.GROUP_POINTS);
            long[] s2 = new long[n];
            long[] t2 = new long[n];
            double[] v2 = new double[n];
            for (int g = summary.groups() - 1; g >= 0; g--) {
                summary.decodeGroup(chunk, g, s2, t2, v2);
                int first = ChunkSummary.firstPoint(g);
                ChunkStats st = ChunkStats.of(s, t, v, first, summary.pointsIn(g));
                assertThat(summary.minStep[g]).isEqualTo(st.minStep);
                assertThat(summary.maxTs[g]).isEqualTo(st.maxTs);
                assertThat(summary.lastStep[g]).isEqualTo(st.lastStep);
                assertThat(Double.valueOf(summary.min[g])).isEqualTo(Double.valueOf(st.min));
                assertThat(Double.valueOf(summary.last[g])).isEqualTo(Double.valueOf(st.last));
            }
            assertThat(s2).containsExactly(s);
            assertThat(t2).containsExactly(t);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(v2[i])).isEqualTo(Double.doubleToRawLongBits(v[i]));
            }
        }
    }
}
