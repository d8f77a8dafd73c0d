package dev.cairn.store.internal.core;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.KeyCatalog;

/**
 * The internal collaborators of one open store, shared by the feature implementations (runs, metrics, registry,
 * drift) so none of them needs the public {@link dev.cairn.store.TrackingStore} facade.
 */
public final class StoreContext {
    private final Database db;
    private final KeyCatalog keys = new KeyCatalog();
    private final SqlExperiments experiments;
    private final SqlRuns runs;
    private final SqlMetrics metrics;

    public StoreContext(Database db) {
        this.db = db;
        this.experiments = new SqlExperiments(db);
        this.runs = new SqlRuns(db, experiments, keys);
        this.metrics = new SqlMetrics(db, runs, keys);
    }

    public Database db() {
        return db;
    }

    public KeyCatalog keys() {
        return keys;
    }

    public SqlExperiments experiments() {
        return experiments;
    }

    public SqlRuns runs() {
        return runs;
    }

    public SqlMetrics metrics() {
        return metrics;
    }
}
