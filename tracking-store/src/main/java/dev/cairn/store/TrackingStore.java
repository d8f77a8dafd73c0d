package dev.cairn.store;

import dev.cairn.store.drift.DriftData;
import dev.cairn.store.query.RunSearch;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.sql.Database;
import dev.cairn.store.sql.KeyCatalog;
import dev.cairn.store.sql.SchemaMigrator;
import dev.cairn.store.sql.SqlDialect;
import dev.cairn.store.sql.SqliteDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Cairn store: a single SQLite file holding experiments, runs, params, tags, metric series, dataset inputs,
 * artifacts and provenance. The one contract the desktop UI, the command line and plugins share.
 *
 * <pre>{@code
 * try (TrackingStore store = TrackingStore.open(Path.of("cairn.db"))) {
 *     Run run = store.runs().create(NewRun.in("churn").withName("lr-0.1"));
 *     store.metrics().append(run.id(), "loss", steps, timestamps, values);
 * }
 * }</pre>
 *
 * Thread-safe. Writes from many threads and many processes are serialised by the database lock, with retries
 * while another writer holds it.
 */
public final class TrackingStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingStore.class);

    private final Database db;
    private final int migratedFrom;
    private final Experiments experiments;
    private final Runs runs;
    private final Metrics metrics;
    private final RunSearch search;
    private final KeyCatalog keys = new KeyCatalog();
    private final ModelRegistry registry = new ModelRegistry(this);
    private final DriftData drift = new DriftData(this);

    private TrackingStore(Database db, int migratedFrom) {
        this.db = db;
        this.migratedFrom = migratedFrom;
        this.experiments = new Experiments(db);
        this.runs = new Runs(db, experiments, keys);
        this.metrics = new Metrics(db, runs, keys);
        this.search = new RunSearch(db);
    }

    /** Opens (creating when missing) a store on a local disk. */
    public static TrackingStore open(Path path) {
        return open(path, StoreOptions.local());
    }

    /**
     * Opens a store. An unwritable file or folder opens read-only; an older schema is migrated after the file is
     * copied aside; a store from a newer Cairn is refused with a {@link StoreVersionException}.
     */
    public static TrackingStore open(Path path, StoreOptions options) {
        SqlDialect dialect = new SqliteDialect();
        Path file = path.toAbsolutePath().normalize();
        StoreMode mode = effectiveMode(file, options);
        long busyMs = options.busyTimeout().toMillis();
        int before;
        try (Connection c = dialect.connect(file, mode, busyMs)) {
            before = new SchemaMigrator(dialect).migrate(c, file, mode);
        } catch (SQLException e) {
            if (dialect.isReadOnlyFailure(e) || dialect.isBusy(e)) {
                throw new StoreException("Cannot open the store " + file + ": " + e.getMessage(), e);
            }
            throw new StoreException("Cannot open the store " + file + " (" + e.getMessage()
                    + "). Is it a Cairn store?", e);
        }
        LOG.debug("opened {} in {} mode", file, mode);
        return new TrackingStore(new Database(dialect, file, mode, busyMs), before);
    }

    private static StoreMode effectiveMode(Path file, StoreOptions options) {
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a store file.");
        }
        boolean exists = Files.exists(file);
        if (!exists) {
            if (!options.create() || options.mode() == StoreMode.READ_ONLY) {
                throw new NotFoundException("No store at " + file + ".");
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreException("Cannot create the folder " + dir + " for the store: " + e.getMessage(), e);
            }
            if (!Files.isWritable(dir)) {
                throw new StoreReadOnlyException("Cannot create a store in " + dir + ": the folder is not writable.");
            }
            return options.mode();
        }
        if (options.mode() == StoreMode.READ_ONLY || !Files.isWritable(file) || !Files.isWritable(dir)) {
            return StoreMode.READ_ONLY;
        }
        return options.mode();
    }

    public Experiments experiments() {
        return experiments;
    }

    public Runs runs() {
        return runs;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Run search: filter language, ordering, pagination. */
    public RunSearch search() {
        return search;
    }

    /** The model registry: registered models, versions, stages, aliases, history and rollback. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Data drift: reference datasets and batches of model versions, their profiles and samples. */
    public DriftData drift() {
        return drift;
    }

    /** The store file. */
    public Path path() {
        return db.path();
    }

    /** The mode the store is open in (read-only when the file or folder is not writable). */
    public StoreMode mode() {
        return db.mode();
    }

    /** The schema version the file had before this open (equal to the current one unless it was migrated). */
    public int migratedFromVersion() {
        return migratedFrom;
    }

    /**
     * A number that grows whenever anything in the store changes, from this or any other process. Cheap enough
     * to poll every second.
     */
    public long changeToken() {
        return db.changeToken();
    }

    /** Ids of runs changed after change token {@code since} (see {@link #changeToken()}). */
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

    /**
     * Runs {@code work} in one write transaction: either everything it writes is stored, or nothing is (for
     * example one imported run). Store methods called inside join the transaction.
     */
    public void transaction(TransactionWork work) {
        db.writeVoid(work::run);
    }

    /** The underlying database, for store-internal collaborators (query, registry, drift). */
    public Database database() {
        return db;
    }

    /** Runs the database's integrity check; "ok" when the file is healthy. */
    public String integrityCheck() {
        return db.integrityCheck();
    }

    @Override
    public void close() {
        db.close();
    }
}
