package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The SQLite dialect (xerial sqlite-jdbc): WAL for local disks, rollback journal for network drives. */
public final class SqliteDialect implements SqlDialect {
    static {
        SqliteNativeLibrary.prepare();
    }

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDialect.class);
    /** How many virtual-machine steps a cancellable read runs between two looks at its cancellation. */
    private static final int CANCEL_CHECK_STEPS = 10_000;

    /** 'CARN' — marks a SQLite file as a Cairn store. */
    static final int APPLICATION_ID = 0x4341524E;

    private final Path path;
    /** The identity (device and inode) of the file the store was opened on; null until {@link #rememberFile()}. */
    private volatile Object fileKey;
    /** The identities of the store's -wal and -shm files, once seen while the store was still at its path. */
    private volatile Object walKey;
    private volatile Object shmKey;

    public SqliteDialect(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /**
     * Remembers which file the store is (its device and inode), once opened: from then on a connection never
     * creates a missing file, and {@link #identityChange()} reports the file deleted, moved or replaced.
     */
    public void rememberFile() {
        fileKey = currentFileKey();
    }

    private Object currentFileKey() {
        return keyOf(path);
    }

    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private Path sibling(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    @Override
    public String identityChange() {
        Object opened = fileKey;
        if (opened == null) {
            return null;
        }
        Object now = currentFileKey();
        if (now == null) {
            return "The store file " + path + " was deleted or moved away while open; nothing more is read from or "
                    + "written to it. Put it back and reopen it, or open another store.";
        }
        if (!now.equals(opened)) {
            return "The store file " + path + " was replaced by another file while open; nothing is read from or "
                    + "written to the new file until it is reopened.";
        }
        if (walKey == null) {
            walKey = keyOf(sibling("-wal"));
        }
        if (shmKey == null) {
            shmKey = keyOf(sibling("-shm"));
        }
        return null;
    }

    /**
     * The store's file went away with its connections still open: SQLite refuses to fold the -wal journal into a
     * moved file, so the old store's -wal (and -shm) stay at the path, where the next program to open whatever file
     * is there now would replay them into it. The -wal is moved aside (it holds the old store's last commits, for
     * recovery) and the -shm deleted, each only when it is still the one this store used.
     */
    @Override
    public void abandoned() {
        Path wal = sibling("-wal");
        Object key = keyOf(wal);
        if (key != null && key.equals(walKey)) {
            Path aside = sibling("-wal.orphaned-" + System.currentTimeMillis());
            try {
                Files.move(wal, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("moved the journal of the store that was at {} aside to {}: it belongs to that store, not to "
                        + "the file at that path now", path, aside);
            } catch (IOException e) {
                LOG.warn("could not move the old journal {} aside: {}", wal, e.getMessage());
            }
        }
        Path shm = sibling("-shm");
        Object shmNow = keyOf(shm);
        if (shmNow != null && shmNow.equals(shmKey)) {
            try {
                Files.deleteIfExists(shm);
            } catch (IOException e) {
                LOG.warn("could not delete the old index {}: {}", shm, e.getMessage());
            }
        }
    }

    /** The store file. */
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public Connection connect(StoreMode mode, long busyTimeoutMs) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeoutMs));
        if (mode == StoreMode.READ_ONLY) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
        }
        if (fileKey != null) {
            // the store was opened on an existing file: a connection opened later never creates an empty one
            config.resetOpenMode(SQLiteOpenMode.CREATE);
            String changed = identityChange();
            if (changed != null) {
                throw new SQLException(changed);
            }
        }
        Connection connection = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
        try {
            configure(connection, mode, busyTimeoutMs);
            if (mode == StoreMode.READ_ONLY) {
                probe(connection);
            }
        } catch (SQLException e) {
            connection.close();
            if (mode == StoreMode.READ_ONLY && isReadOnlyFailure(e)) {
                // a WAL store in a folder we cannot write: no -shm can be created, so read it as immutable
                Connection immutable = config.createConnection("jdbc:sqlite:file:" + path.toAbsolutePath().toUri()
                        .getRawPath() + "?immutable=1");
                configure(immutable, mode, busyTimeoutMs);
                return immutable;
            }
            throw e;
        }
        return connection;
    }

    private static void probe(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
    }

    private void configure(Connection connection, StoreMode mode, long busyTimeoutMs) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + busyTimeoutMs);
            // 16 KiB pages hold whole metric chunks inline (no overflow pages); applies to new files only
            st.execute("PRAGMA page_size = 16384");
            st.execute("PRAGMA cache_size = -65536");
            st.execute("PRAGMA temp_store = MEMORY");
            switch (mode) {
                case LOCAL -> {
                    st.execute("PRAGMA journal_mode = WAL");
                    st.execute("PRAGMA synchronous = NORMAL");
                    st.execute("PRAGMA mmap_size = 268435456");
                }
                case SHARED -> {
                    st.execute("PRAGMA journal_mode = DELETE");
                    st.execute("PRAGMA synchronous = FULL");
                    st.execute("PRAGMA mmap_size = 0");
                }
                case READ_ONLY -> st.execute("PRAGMA query_only = 1");
                default -> throw new IllegalStateException("unknown mode " + mode);
            }
        }
    }

    @Override
    public int schemaVersion(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    @Override
    public void setSchemaVersion(Connection connection, int version) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA user_version = " + version);
        }
    }

    @Override
    public boolean isForeignDatabase(Connection connection) throws SQLException {
        int applicationId = intPragma(connection, "application_id");
        if (applicationId == APPLICATION_ID) {
            return false;
        }
        return !tables(connection).isEmpty();
    }

    @Override
    public void markAsCairnStore(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA application_id = " + APPLICATION_ID);
        }
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    @Override
    public boolean isReadOnlyFailure(SQLException e) {
        if (e instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
                    || primary == SQLiteErrorCode.SQLITE_PERM.code;
        }
        return String.valueOf(e.getMessage()).contains("readonly");
    }

    @Override
    public boolean isDiskFull(SQLException e) {
        if (e instanceof SQLiteException se) {
            return (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code;
        }
        return String.valueOf(e.getMessage()).contains("SQLITE_FULL");
    }

    @Override
    public long dataVersion(Connection connection) throws SQLException {
        return intPragma(connection, "data_version");
    }

    @Override
    public boolean isConnectionFailure(SQLException e) {
        return false;
    }

    /**
     * A progress handler on the read's connection asks the cancellation every {@value #CANCEL_CHECK_STEPS}
     * virtual-machine steps (microseconds apart) and interrupts the statement once it is cancelled: checked on the
     * read's own thread, so a cancel between two statements of one read is not lost (sqlite3_interrupt would be,
     * when no statement runs).
     */
    @Override
    public Runnable cancellable(Connection connection, dev.cairn.store.ReadCancellation cancel) throws SQLException {
        ProgressHandler.setHandler(connection, CANCEL_CHECK_STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                return cancel.isCancelled() ? 1 : 0;
            }
        });
        return null;
    }

    @Override
    public void endCancellable(Connection connection) {
        try {
            ProgressHandler.clearHandler(connection);
        } catch (SQLException e) {
            LOG.debug("clearing the progress handler", e);
        }
    }

    @Override
    public boolean isCancelled(SQLException e) {
        return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_INTERRUPT
                || e.getErrorCode() == SQLiteErrorCode.SQLITE_INTERRUPT.code;
    }

    @Override
    public void announceChange(Connection connection, long changeSeq) {
        // other connections see PRAGMA data_version change at commit
    }

    /** The file a migration from {@code version} copies the store to first. */
    public static Path backupPath(Path store, int version) {
        return store.resolveSibling(store.getFileName() + ".bak-v" + version);
    }

    @Override
    public void backupBeforeMigration(Connection connection, int fromVersion) throws SQLException {
        Path backup = backupPath(path, fromVersion);
        if (Files.exists(backup)) {
            LOG.info("backup {} already exists; keeping it", backup);
            return;
        }
        // VACUUM INTO is not atomic: a process killed during it leaves a partial file, which would then be kept as
        // "the backup". Written beside it and moved in whole (found by KillDuringMigrationAndCopyTest).
        Path part = backup.resolveSibling(backup.getFileName() + ".part");
        try {
            Files.deleteIfExists(part);
            try (PreparedStatement ps = connection.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, part.toAbsolutePath().toString());
                ps.execute();
            }
            Files.move(part, backup, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot write the backup " + backup + " before migrating: " + e.getMessage(), e);
        }
        LOG.info("copied {} aside to {} before migrating", path, backup);
    }

    @Override
    public long sizeBytes(Connection connection) throws SQLException {
        try {
            long size = Files.size(path);
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            return size + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            throw new SQLException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long seriesSizeBytes(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(sum(pgsize), 0) "
                + "FROM dbstat WHERE name LIKE 'metric\\_chunks%' ESCAPE '\\' OR name LIKE 'metric\\_summaries%' ESCAPE '\\'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void continueIdentity(Connection connection, String table, String column) {
        // INTEGER PRIMARY KEY rowids continue after the largest one by themselves
    }

    @Override
    public void optimize(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA optimize");
        }
    }

    @Override
    public String positionOf(String needle, String haystack) {
        return "instr(" + haystack + ", " + needle + ")";
    }

    @Override
    public String caseSensitiveLike(String column) {
        return column + " GLOB ?";
    }

    @Override
    public String caseInsensitiveLike(String column) {
        return column + " LIKE ?";
    }

    @Override
    public String likePattern(String mlflowPattern, boolean caseSensitive) {
        return caseSensitive ? LikePatterns.toGlob(mlflowPattern) : mlflowPattern;
    }

    @Override
    public String orderNoCase(String column) {
        return column + " COLLATE NOCASE";
    }

    @Override
    public String integrityCheck(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
