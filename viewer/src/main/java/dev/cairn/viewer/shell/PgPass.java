package dev.cairn.viewer.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether PostgreSQL will find a password without asking: {@code PGPASSWORD}, else the password file, read the way
 * libpq reads it — {@code $PGPASSFILE} or {@code ~/.pgpass} ({@code %APPDATA%\postgresql\pgpass.conf} on Windows),
 * lines {@code hostname:port:database:username:password}, {@code #} comments, a field of just {@code *} matches
 * anything, {@code \} escapes {@code :} and {@code \}, the first matching line wins; on Unix the file is ignored unless
 * it is a plain file that only its owner may read ({@code chmod 600}). The password itself is not kept: the store's
 * driver reads the same sources when it connects.
 */
public final class PgPass implements TeamStoreViewModel.PasswordLookup {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final boolean fromEnvironment;
    private final Path file;
    private final Path home;
    private final List<String> lines;
    private final String ignoredBecause;

    private PgPass(boolean fromEnvironment, Path file, Path home, List<String> lines, String ignoredBecause) {
        this.fromEnvironment = fromEnvironment;
        this.file = file;
        this.home = home;
        this.lines = lines;
        this.ignoredBecause = ignoredBecause;
    }

    /** This process's {@code PGPASSWORD} and password file (read once, now). */
    public static PgPass fromEnvironment() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return of(System.getenv(), Path.of(System.getProperty("user.home", ".")), windows);
    }

    /** The password sources named by {@code env}, with {@code home} as the user's home folder. */
    public static PgPass of(Map<String, String> env, Path home, boolean windows) {
        String password = env.get("PGPASSWORD");
        boolean fromEnv = password != null && !password.isEmpty();
        Path file = passFile(env, home, windows);
        if (file == null || !Files.exists(file)) {
            return new PgPass(fromEnv, file, home, List.of(), null);
        }
        if (!windows) {
            if (!Files.isRegularFile(file)) {
                return new PgPass(fromEnv, file, home, List.of(), shortName(file, home) + " is not a plain file");
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    return new PgPass(fromEnv, file, home, List.of(),
                            shortName(file, home) + " is ignored: others have access to it (chmod 600 fixes that)");
                }
            } catch (UnsupportedOperationException | IOException e) {
                // no POSIX permissions here: read it as libpq does on such systems
            }
        }
        try {
            return new PgPass(fromEnv, file, home, Files.readAllLines(file, StandardCharsets.UTF_8), null);
        } catch (IOException | RuntimeException e) {
            return new PgPass(fromEnv, file, home, List.of(), shortName(file, home) + " cannot be read");
        }
    }

    /** {@code $PGPASSFILE}, else the per-user default; null when there is no home folder to look in. */
    static Path passFile(Map<String, String> env, Path home, boolean windows) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        if (windows) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isEmpty() ? null : Path.of(appData, "postgresql", "pgpass.conf");
        }
        return home == null ? null : home.resolve(".pgpass");
    }

    /**
     * Where the password for this connection would come from ("PGPASSWORD" or the password file's path); empty when
     * PostgreSQL would have to be given one.
     */
    @Override
    public Optional<String> sourceFor(String host, int port, String database, String user) {
        if (fromEnvironment) {
            return Optional.of("PGPASSWORD");
        }
        String password = find(lines, host, port, database, user);
        return password == null || password.isEmpty() ? Optional.empty() : Optional.of(shortName(file, home));
    }

    @Override
    public String passwordFileName() {
        return file == null ? "~/.pgpass" : shortName(file, home);
    }

    /** Why the password file was not read (too open, not a plain file), or null. */
    @Override
    public String ignoredBecause() {
        return ignoredBecause;
    }

    /** The password file looked at (it may not exist), or null. */
    public Path file() {
        return file;
    }

    /** The password of the first line of a password file matching the connection, or null. */
    static String find(List<String> lines, String host, int port, String database, String user) {
        String hostname = host == null || host.isEmpty() ? "localhost" : host;
        String portText = Integer.toString(port);
        for (String raw : lines) {
            String line = stripLineEnd(raw);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int[] at = {0};
            if (matches(line, at, hostname) && matches(line, at, portText) && matches(line, at, database)
                    && matches(line, at, user)) {
                return unescapePassword(line.substring(at[0]));
            }
        }
        return null;
    }

    /**
     * Whether the field at {@code at[0]} matches {@code token} (a lone {@code *} matches anything); on a match
     * {@code at[0]} moves past the field's colon. As libpq's {@code pwdfMatchesString}.
     */
    private static boolean matches(String line, int[] at, String token) {
        if (token == null) {
            return false;
        }
        int i = at[0];
        if (line.startsWith("*:", i)) {
            at[0] = i + 2;
            return true;
        }
        int t = 0;
        while (i < line.length()) {
            boolean escaped = false;
            if (line.charAt(i) == '\\') {
                i++;
                escaped = true;
                if (i == line.length()) {
                    return false;
                }
            }
            char c = line.charAt(i);
            if (c == ':' && !escaped && t == token.length()) {
                at[0] = i + 1;
                return true;
            }
            if (t == token.length() || c != token.charAt(t)) {
                return false;
            }
            i++;
            t++;
        }
        return false;
    }

    /** The password field: up to an unescaped colon, backslash escapes removed. */
    private static String unescapePassword(String rest) {
        StringBuilder out = new StringBuilder(rest.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':') {
                break;
            }
            if (c == '\\' && i + 1 < rest.length()) {
                c = rest.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code ~/.pgpass} for a file in the home folder, else the full path. */
    private static String shortName(Path file, Path home) {
        if (home != null && file.startsWith(home) && !file.equals(home)) {
            return "~/" + home.relativize(file).toString().replace('\\', '/');
        }
        return file.toString();
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }
}
