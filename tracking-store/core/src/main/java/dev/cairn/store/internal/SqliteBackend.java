package dev.cairn.store.internal;

import dev.cairn.store.StoreBackend;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreReadOnlyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens SQLite store files: chooses the effective mode, checks and migrates the schema. */
public final class SqliteBackend implements StoreBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackend.class);

    @Override
    public boolean accepts(StoreLocation location) {
        return location instanceof StoreLocation.SqliteFile;
    }

    @Override
    public TrackingStore open(StoreLocation location, StoreOptions options) {
        Path file = ((StoreLocation.SqliteFile) location).path();
        SqliteDialect dialect = new SqliteDialect(file);
        boolean existed = Files.exists(file);
        StoreMode mode = effectiveMode(file, options);
        long busyMs = options.busyTimeout().toMillis();
        int before;
        if (existed && mode != StoreMode.READ_ONLY) {
            // check before touching: opening for writing switches the journal to WAL (6 header bytes), which must
            // never happen to a file that is not a Cairn store, nor to one this build would refuse
            try (Connection c = dialect.connect(StoreMode.READ_ONLY, busyMs)) {
                new SchemaMigrator(dialect).check(c);
            } catch (SQLException e) {
                if (!dialect.isReadOnlyFailure(e) && !dialect.isBusy(e)) {
                    throw new StoreException("Cannot open the store " + file + " (" + firstLine(e.getMessage())
                            + "). Is it a Cairn store?", e);
                }
                // cannot read it read-only here (e.g. a WAL store whose -shm is missing): the writable open checks
            }
        }
        try (Connection c = dialect.connect(mode, busyMs)) {
            before = new SchemaMigrator(dialect).migrate(c, mode);
        } catch (SQLException e) {
            if (dialect.isReadOnlyFailure(e) || dialect.isBusy(e)) {
                throw new StoreException("Cannot open the store " + file + ": " + firstLine(e.getMessage()), e);
            }
            throw new StoreException("Cannot open the store " + file + " (" + firstLine(e.getMessage())
                    + "). Is it a Cairn store?", e);
        }
        dialect.rememberFile();
        LOG.debug("opened {} in {} mode", file, mode);
        return new SqlTrackingStore(new Database(dialect, mode, busyMs), location, before);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
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
}
