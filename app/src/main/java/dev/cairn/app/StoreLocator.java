package dev.cairn.app;

import dev.cairn.store.StoreLocation;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the store (a file or a PostgreSQL database): {@code --store}, else {@code CAIRN_STORE}, else the per-user default
 * ({@code $XDG_DATA_HOME/cairn/cairn.db} on Linux, {@code ~/Library/Application Support/Cairn} on macOS,
 * {@code %LOCALAPPDATA%\Cairn} on Windows).
 */
public final class StoreLocator {
    private StoreLocator() {
    }

    /** {@code explicit} (a path or a {@code postgresql://} URI), else CAIRN_STORE, else the per-user store. */
    public static StoreLocation resolve(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return StoreLocation.parse(explicit);
        }
        String fromEnv = env.get("CAIRN_STORE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return StoreLocation.parse(fromEnv);
        }
        return StoreLocation.of(dataDir(env).resolve("cairn.db"));
    }

    /** The per-user data folder (stores, plugins). */
    public static Path dataDir(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return Path.of(local, "Cairn");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Cairn");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("cairn");
    }
}
