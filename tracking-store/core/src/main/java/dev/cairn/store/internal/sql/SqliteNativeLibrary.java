package dev.cairn.store.internal.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Gives sqlite-jdbc its native library once per user and version, in a per-user cache folder, instead of letting
 * every process extract a copy into the shared temp folder and delete other processes' copies (which printed a
 * 40-line "Failed to delete old native lib" stack trace when several {@code cairn log} processes started at once).
 * The library is written to a temp file and moved into place atomically, so processes starting together never see
 * half a file. When the cache folder cannot be written, sqlite-jdbc extracts as before, into a per-user temp folder.
 */
public final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final String TMPDIR = "org.sqlite.tmpdir";
    private static volatile boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Sets sqlite-jdbc's library properties unless the user set them; call before the first connection. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(LIB_PATH) != null || System.getProperty(TMPDIR) != null) {
            return;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path perUserTemp = Path.of(System.getProperty("java.io.tmpdir"), "cairn-" + user, "sqlite");
        try {
            String resource = "/" + LibraryLoaderUtil.getNativeLibResourcePath().replaceAll("^/+", "") + "/"
                    + LibraryLoaderUtil.getNativeLibName();
            String version = org.sqlite.SQLiteJDBCLoader.getVersion();
            Path dir = cacheDir().resolve("sqlite-jdbc-" + version).resolve(OSInfo.getNativeLibFolderPathForCurrentOS());
            Path lib = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        useTemp(perUserTemp);
                        return;
                    }
                    Files.createDirectories(dir);
                    Path part = Files.createTempFile(dir, "lib", ".part");
                    try {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                        try {
                            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
                        } catch (AtomicMoveNotSupportedException e) {
                            Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } finally {
                        Files.deleteIfExists(part);
                    }
                }
            }
            System.setProperty(LIB_PATH, dir.toString());
            System.setProperty(LIB_NAME, lib.getFileName().toString());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("no per-user copy of the SQLite native library ({}); extracting into {}", e.toString(),
                    perUserTemp);
            useTemp(perUserTemp);
        }
    }

    private static void useTemp(Path perUserTemp) {
        try {
            Files.createDirectories(perUserTemp);
            System.setProperty(TMPDIR, perUserTemp.toString());
        } catch (IOException e) {
            LOG.debug("cannot create {}: {}", perUserTemp, e.toString());
        }
    }

    /** {@code $XDG_CACHE_HOME/cairn}, else {@code ~/.cache/cairn} ({@code %LOCALAPPDATA%\Cairn\cache} on Windows). */
    static Path cacheDir() {
        String override = System.getProperty("cairn.cacheDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv().getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return Path.of(local, "Cairn", "cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("cairn");
    }
}
