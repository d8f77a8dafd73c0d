package dev.cairn.store.internal;

import dev.cairn.store.StoreBackend;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.PostgresDialect;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StorePasswordException;
import dev.cairn.store.model.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens team stores on PostgreSQL: a pooled dialect, then the same schema checks and migrations as SQLite. */
public final class PostgresBackend implements StoreBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBackend.class);

    @Override
    public boolean accepts(StoreLocation location) {
        return location instanceof StoreLocation.Postgres;
    }

    @Override
    public TrackingStore open(StoreLocation location, StoreOptions options) {
        StoreLocation.Postgres pg = (StoreLocation.Postgres) location;
        long busyMs = options.busyTimeout().toMillis();
        StoreMode mode = options.mode() == StoreMode.READ_ONLY ? StoreMode.READ_ONLY : StoreMode.LOCAL;
        PostgresDialect dialect = new PostgresDialect(pg.host(), pg.port(), pg.database(), pg.user(), pg.password(),
                busyMs);
        int before;
        try (Connection c = dialect.connect(mode, busyMs)) {
            before = new SchemaMigrator(dialect).migrate(c, mode);
        } catch (SQLException e) {
            dialect.close();
            StorePasswordException password = passwordProblem(pg, e);
            if (password != null) {
                throw password;
            }
            if (dialect.isConnectionFailure(e)) {
                // the dialect's message already names the server, database and user
                throw new StoreUnavailableException(firstLine(e.getMessage()), e);
            }
            throw new StoreException("Cannot open the store " + pg.describe() + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            dialect.close();
            throw e;
        }
        LOG.debug("opened {} in {} mode", pg.describe(), mode);
        return new SqlTrackingStore(new Database(dialect, mode, busyMs), location, before);
    }

    /** A missing (08004 with "no password") or refused (28P01) password, or null for any other failure. */
    private static StorePasswordException passwordProblem(StoreLocation.Postgres pg, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String message = String.valueOf(s.getMessage());
                if (s.getSQLState().equals("28P01")) {
                    return new StorePasswordException("The server refused the password for " + pg.describe()
                            + ".", false, e);
                }
                if (s.getSQLState().equals("08004") && message.contains("no password")) {
                    return new StorePasswordException(pg.describe() + " needs a password: set PGPASSWORD or add "
                            + "it to ~/.pgpass.", true, e);
                }
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
