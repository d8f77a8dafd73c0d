package dev.cairn.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a store lives: a SQLite file (a path, for one person on a laptop) or a PostgreSQL database (a
 * {@code postgresql://user@host:5432/db} URI, for a team). Parsed from what users type in {@code --store},
 * {@code CAIRN_STORE} or the window's dialogs.
 */
public sealed interface StoreLocation permits StoreLocation.SqliteFile, StoreLocation.Postgres {

    /** A PostgreSQL URI ({@code postgresql://} or {@code postgres://}), else a path to a SQLite file. */
    static StoreLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A store is a file path or a postgresql:// address; got nothing.");
        }
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return Postgres.parse(trimmed);
        }
        if (lower.startsWith("file:")) {
            return new SqliteFile(Path.of(URI.create(trimmed)));
        }
        return new SqliteFile(Path.of(trimmed));
    }

    /** The SQLite file at {@code path}. */
    static StoreLocation of(Path path) {
        return new SqliteFile(path);
    }

    /** Short name for titles and messages: the file name, or {@code db@host}. */
    String displayName();

    /** The full location for messages (never containing a password). */
    String describe();

    /** A SQLite store file. */
    record SqliteFile(Path path) implements StoreLocation {
        public SqliteFile {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public String displayName() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }

        @Override
        public String describe() {
            return path.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * A PostgreSQL database. The password is optional: when null it comes from {@code PGPASSWORD} or
     * {@code ~/.pgpass}. It never appears in {@link #describe()} or {@link #toString()}.
     */
    record Postgres(String host, int port, String database, String user, String password) implements StoreLocation {
        /** PostgreSQL's default port. */
        public static final int DEFAULT_PORT = 5432;

        public Postgres {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("A PostgreSQL store needs a host.");
            }
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("A PostgreSQL store needs a database name.");
            }
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is not a TCP port.");
            }
            if (user == null || user.isBlank()) {
                user = System.getProperty("user.name");
            }
        }

        /** Parses {@code postgresql://[user[:password]@]host[:port]/database}. */
        public static Postgres parse(String uri) {
            URI u;
            try {
                u = new URI(uri.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + redact(uri) + "' is not a PostgreSQL address ("
                        + e.getReason() + "); expected postgresql://user@host:5432/database.");
            }
            String host = u.getHost();
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            String database = path.startsWith("/") ? path.substring(1) : path;
            if (host == null || database.isEmpty() || database.contains("/")) {
                throw new IllegalArgumentException("'" + redact(uri)
                        + "' is not a PostgreSQL address; expected postgresql://user@host:5432/database.");
            }
            String user = null;
            String password = null;
            String info = u.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : decode(info.substring(colon + 1));
            }
            return new Postgres(host, u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), decode(database), user, password);
        }

        /** The same database with {@code newPassword} (null: from the environment). */
        public Postgres withPassword(String newPassword) {
            return new Postgres(host, port, database, user, newPassword);
        }

        /** The URI without the password: {@code postgresql://user@host:port/database}. */
        public String uri() {
            return "postgresql://" + encode(user) + "@" + host + ":" + port + "/" + encode(database);
        }

        @Override
        public String displayName() {
            return database + "@" + host;
        }

        @Override
        public String describe() {
            return uri();
        }

        @Override
        public String toString() {
            return uri();
        }

        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static String redact(String uri) {
            return uri.replaceAll("(://[^:/@]*):[^@]*@", "$1:***@");
        }
    }
}
