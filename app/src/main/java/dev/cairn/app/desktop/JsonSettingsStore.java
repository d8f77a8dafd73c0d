package dev.cairn.app.desktop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.common.ViewerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Viewer settings as a small JSON file in the per-user config folder: {@code $XDG_CONFIG_HOME/cairn/settings.json}
 * (default {@code ~/.config}) on Linux, {@code ~/Library/Application Support/Cairn} on macOS,
 * {@code %APPDATA%\Cairn} on Windows. A broken file is kept aside as {@code settings.json.broken} and defaults
 * are used.
 */
public final class JsonSettingsStore implements SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public JsonSettingsStore(Path file) {
        this.file = file;
    }

    /** The settings file of the current user (honours {@code -Dcairn.settings=FILE}). */
    public static JsonSettingsStore forCurrentUser() {
        String override = System.getProperty("cairn.settings");
        return new JsonSettingsStore(override != null ? Path.of(override) : defaultFile(System.getenv()));
    }

    static Path defaultFile(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            return Path.of(env.getOrDefault("APPDATA", home + "\\AppData\\Roaming"), "Cairn", "settings.json");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Cairn", "settings.json");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("cairn").resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    @Override
    public ViewerSettings load() {
        if (!Files.isRegularFile(file)) {
            return new ViewerSettings();
        }
        try {
            ViewerSettings s = MAPPER.readValue(file.toFile(), ViewerSettings.class);
            return s != null ? s : new ViewerSettings();
        } catch (IOException e) {
            LOG.warn("settings file {} is unreadable ({}); using defaults and keeping it as {}.broken", file,
                    e.getMessage(), file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("cannot move {} aside: {}", file, moveFailed.getMessage());
            }
            return new ViewerSettings();
        }
    }

    @Override
    public void save(ViewerSettings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
        }
    }
}
