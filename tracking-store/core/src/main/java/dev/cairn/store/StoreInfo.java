package dev.cairn.store;

/**
 * What {@code cairn store info} prints about a store.
 *
 * @param backend       {@code sqlite} or {@code postgresql}
 * @param location      where the store lives (never a password)
 * @param schemaVersion the store's schema version
 * @param experiments   experiments, deleted ones included
 * @param runs          runs, deleted ones included
 * @param metricPoints  metric points over all runs
 * @param models        registered models
 * @param sizeBytes     bytes the store takes (file size, or the database's size)
 * @param seriesBytes   bytes the metric series take (their tables and indexes), for bytes-per-point figures
 */
public record StoreInfo(String backend, String location, int schemaVersion, long experiments, long runs,
                        long metricPoints, long models, long sizeBytes, long seriesBytes) {
}
