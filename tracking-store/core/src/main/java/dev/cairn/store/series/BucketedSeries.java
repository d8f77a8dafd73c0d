package dev.cairn.store.series;

import dev.cairn.store.internal.series.PointOrder;


/**
 * A series reduced to at most {@code buckets} equal-width buckets over {@code range}, one entry per non-empty
 * bucket: the bucket's last point (highest step; see {@link PointOrder}) and the min and max of its values
 * (NaN ignored; NaN when all are NaN), with its point count. What a chart {@code buckets} pixels wide needs.
 */
public record BucketedSeries(String key, SeriesRange range, int buckets, int[] bucketIndex, long[] lastStep,
                             long[] lastTimestamp, double[] last, double[] min, double[] max, long[] count) {

    /** Number of non-empty buckets. */
    public int size() {
        return bucketIndex.length;
    }

    /** Total points summarised. */
    public long totalPoints() {
        long total = 0;
        for (long c : count) {
            total += c;
        }
        return total;
    }
}
