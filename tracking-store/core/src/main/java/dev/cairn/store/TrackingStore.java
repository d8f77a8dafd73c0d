package dev.cairn.store;

import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreVersionException;
import dev.cairn.store.query.RunSearch;
import dev.cairn.store.registry.ModelRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One Cairn store: experiments, runs, params, tags, metric series, dataset inputs, artifacts, provenance, the model
 * registry and data-drift inputs, in a SQLite file or a PostgreSQL database. The one contract the desktop UI, the
 * command line, the tracking server and plugins share.
 *
 * <pre>{@code
 * try (TrackingStore store = TrackingStore.open(Path.of("cairn.db"))) {
 *     Run run = store.runs().create(NewRun.in("churn").withName("lr-0.1"));
 *     store.metrics().append(run.id(), "loss", steps, timestamps, values);
 * }
 * }</pre>
 *
 * Thread-safe. Writes from many threads and many processes are serialised by the database's lock, with retries
 * while another writer holds it.
 */
public interface TrackingStore extends AutoCloseable {

    /** Opens (creating when missing) a SQLite store on a local disk. */
    static TrackingStore open(Path path) {
        return open(StoreLocation.of(path), StoreOptions.local());
    }

    /** Opens a SQLite store with {@code options}. */
    static TrackingStore open(Path path, StoreOptions options) {
        return open(StoreLocation.of(path), options);
    }

    /**
     * Opens the store at {@code location}. An unwritable SQLite file or folder opens read-only; an older schema is
     * migrated in one transaction; a store from a newer Cairn is refused untouched with a
     * {@link StoreVersionException}; an unreachable server, a wrong password or an unknown database give a
     * {@link StoreException} naming the store.
     */
    static TrackingStore open(StoreLocation location, StoreOptions options) {
        for (StoreBackend backend : ServiceLoader.load(StoreBackend.class, TrackingStore.class.getClassLoader())) {
            if (backend.accepts(location)) {
                return backend.open(location, options);
            }
        }
        throw new StoreException("No store backend can open " + location.describe() + ".");
    }

    /** Experiments. */
    Experiments experiments();

    /** Runs. */
    Runs runs();

    /** Metric series. */
    Metrics metrics();

    /** Run search: filter language, ordering, pagination. */
    RunSearch search();

    /** The model registry: registered models, versions, stages, aliases, history and rollback. */
    ModelRegistry registry();

    /** Data drift: reference datasets and batches of model versions, their profiles and samples. */
    DriftData drift();

    /** Monitoring: performance of labelled batches per slice, alert rules and the alerts they raised. */
    Monitoring monitoring();

    /**
     * Runs {@code work} as one unit of work: either everything it writes is stored, or nothing is. Store methods
     * called on the same thread inside join it.
     */
    void write(StoreWork work);

    /** Where the store lives. */
    StoreLocation location();

    /** The mode the store is open in (read-only when a SQLite file or folder is not writable). */
    StoreMode mode();

    /** The schema version the store had before this open (equal to the current one unless it was migrated). */
    int migratedFromVersion();

    /**
     * A number that grows whenever anything in the store changes, from this or any other process. Cheap enough to
     * poll every second (PostgreSQL pushes changes with LISTEN/NOTIFY, so polling does not reach the server).
     */
    long changeToken();

    /** Ids of runs changed after change token {@code since} (see {@link #changeToken()}). */
    List<String> runsChangedSince(long since);

    /** Backend, schema version, counts and size. */
    StoreInfo info();

    /**
     * Copies everything in this store into {@code target} (any backend; it must hold no experiments, runs or
     * models): runs with their ids, series bit for bit, the registry with its history, drift data. One transaction
     * on the target: all or nothing. {@code progress} hears the name of each part as it starts.
     */
    void copyInto(TrackingStore target, java.util.function.Consumer<String> progress);

    /**
     * Refreshes the database's query-planner statistics, so searches keep walking indexes after a large import
     * (PostgreSQL's autovacuum does it too, later). Safe at any time; takes a moment on large stores.
     */
    void optimize();

    /** Runs the database's integrity check; "ok" when healthy. */
    String integrityCheck();

    /** The SQLite file of a local store; a {@link NotFoundException} for a server store. */
    default Path path() {
        if (location() instanceof StoreLocation.SqliteFile file) {
            return file.path();
        }
        throw new NotFoundException(location().describe() + " is not a file.");
    }

    /** Closes connections; pending work of other threads fails afterwards. */
    @Override
    void close();
}
