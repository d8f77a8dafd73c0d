package dev.cairn.store.internal;

import dev.cairn.store.DriftData;
import dev.cairn.store.Monitoring;
import dev.cairn.store.Experiments;
import dev.cairn.store.Metrics;
import dev.cairn.store.Runs;
import dev.cairn.store.StoreInfo;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreWork;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.core.SqlStoreWriter;
import dev.cairn.store.internal.core.StoreContext;
import dev.cairn.store.internal.drift.SqlDriftData;
import dev.cairn.store.internal.drift.SqlMonitoring;
import dev.cairn.store.internal.query.SqlRunSearch;
import dev.cairn.store.internal.registry.SqlModelRegistry;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.StoreCopier;
import dev.cairn.store.query.RunSearch;
import dev.cairn.store.registry.ModelRegistry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The store API over one {@link Database} (SQLite or PostgreSQL, by its dialect). */
final class SqlTrackingStore implements TrackingStore {
    private final Database db;
    private final StoreLocation location;
    private final int migratedFrom;
    private final StoreContext context;
    private final RunSearch search;
    private final SqlModelRegistry registry;
    private final SqlDriftData drift;
    private final SqlMonitoring monitoring;

    SqlTrackingStore(Database db, StoreLocation location, int migratedFrom) {
        this.db = db;
        this.location = location;
        this.migratedFrom = migratedFrom;
        this.context = new StoreContext(db);
        this.search = new SqlRunSearch(db);
        this.registry = new SqlModelRegistry(context);
        this.drift = new SqlDriftData(db, registry);
        this.monitoring = new SqlMonitoring(db);
        if (db.mode() != StoreMode.READ_ONLY) {
            dev.cairn.store.internal.core.AbandonedRuns.sweep(db, context.runs());
        }
    }

    @Override
    public Experiments experiments() {
        return context.experiments();
    }

    @Override
    public Runs runs() {
        return context.runs();
    }

    @Override
    public Metrics metrics() {
        return context.metrics();
    }

    @Override
    public RunSearch search() {
        return search;
    }

    @Override
    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public DriftData drift() {
        return drift;
    }

    @Override
    public Monitoring monitoring() {
        return monitoring;
    }

    @Override
    public void write(StoreWork work) {
        db.writeVoid(tx -> work.run(new SqlStoreWriter(context, tx)));
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public StoreMode mode() {
        return db.mode();
    }

    @Override
    public int migratedFromVersion() {
        return migratedFrom;
    }

    @Override
    public long changeToken() {
        return db.changeToken();
    }

    @Override
    public List<String> runsChangedSince(long since) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE change_seq > ? ORDER BY seq")) {
                ps.setLong(1, since);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public StoreInfo info() {
        return db.read(c -> {
            long[] counts = new long[4];
            String[] queries = {"SELECT count(*) FROM experiments", "SELECT count(*) FROM runs",
                "SELECT coalesce(sum(count), 0) FROM metric_summaries", "SELECT count(*) FROM registered_models WHERE deleted_ms IS NULL"};
            try (Statement st = c.createStatement()) {
                for (int i = 0; i < queries.length; i++) {
                    try (ResultSet rs = st.executeQuery(queries[i])) {
                        rs.next();
                        counts[i] = rs.getLong(1);
                    }
                }
            }
            return new StoreInfo(db.dialect().name(), location.describe(), db.dialect().schemaVersion(c), counts[0],
                    counts[1], counts[2], counts[3], db.dialect().sizeBytes(c), db.dialect().seriesSizeBytes(c));
        });
    }

    @Override
    public void copyInto(TrackingStore target, java.util.function.Consumer<String> progress) {
        StoreCopier.copy(db, Internals.database(target), progress);
    }

    @Override
    public void optimize() {
        if (db.mode() != StoreMode.READ_ONLY) {
            db.writeVoid(tx -> db.dialect().optimize(tx.connection()));
        }
    }

    @Override
    public String integrityCheck() {
        return db.integrityCheck();
    }

    Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
