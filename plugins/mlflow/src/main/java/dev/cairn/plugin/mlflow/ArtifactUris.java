package dev.cairn.plugin.mlflow;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an MLflow artifact URI, in every form seen in the wild, into a local folder when one exists here:
 * {@code file:///C:/...}, {@code file:c:\...}, {@code file:///mnt/c/My%20Docs/...}, plain or relative paths
 * ({@code ./mlruns/1/...}, resolved against the folder holding the store), and {@code mlflow-artifacts:/...}
 * (a tracking server's proxied store, looked up in {@code mlartifacts/} next to the store).
 */
final class ArtifactUris {
    private ArtifactUris() {
    }

    /** The local folder of {@code uri}, when it exists on this machine. */
    static Optional<Path> localFolder(String uri, Path storeRoot) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        Path base = storeRoot.toAbsolutePath().getParent();
        String lower = uri.toLowerCase(Locale.ROOT);
        String path;
        if (lower.startsWith("mlflow-artifacts:")) {
            String rest = uri.substring("mlflow-artifacts:".length()).replaceFirst("^/+", "");
            return existing(base == null ? null : base.resolve("mlartifacts"), decode(rest));
        } else if (lower.startsWith("file:")) {
            path = decode(uri.substring(5));
            if (path.startsWith("//")) {
                path = path.substring(2);
                int slash = path.indexOf('/');
                path = slash < 0 ? "" : path.substring(slash);
            }
            if (path.matches("^/[A-Za-z]:.*")) {
                path = path.substring(1);
            }
        } else if (lower.matches("^[a-z][a-z0-9+.-]+:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            return Optional.empty();
        } else {
            path = uri;
        }
        path = path.replace('\\', '/');
        if (path.matches("^[A-Za-z]:/.*") && !isWindows()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute()) {
                return existing(base, path);
            }
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> existing(Path base, String relative) {
        if (base == null) {
            return Optional.empty();
        }
        try {
            Path p = base.resolve(relative).normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
