package dev.cairn.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder the artifacts proxy serves. Every path a client names is resolved inside it or refused with
 * INVALID_PARAMETER_VALUE: no absolute path, no {@code ..}, no backslash or NUL, and no symbolic link on the way
 * (checked on the real path of what exists), so nothing outside the root is read or written.
 */
public final class ArtifactRoot {
    private final Path root;

    public ArtifactRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path path() {
        return root;
    }

    /** The file or folder {@code relative} names inside the root (the root itself for an empty path). */
    public Path resolve(String relative) {
        String rel = relative == null ? "" : relative;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        if (relative != null && (relative.startsWith("//") || rel.matches("^[A-Za-z]:.*"))) {
            throw unsafe(relative);
        }
        if (rel.indexOf('\\') >= 0 || rel.indexOf('\0') >= 0) {
            throw unsafe(relative);
        }
        for (String part : rel.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw unsafe(relative);
            }
        }
        Path candidate = rel.isEmpty() ? root : root.resolve(rel).normalize();
        if (!candidate.startsWith(root)) {
            throw unsafe(relative);
        }
        checkNoLinks(candidate, relative);
        return candidate;
    }

    /** Creates the root when missing. */
    public void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the artifact root " + root + ": " + e.getMessage(), e);
        }
    }

    private void checkNoLinks(Path candidate, String relative) {
        try {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            Path p = root;
            for (Path part : root.relativize(candidate)) {
                if (part.toString().isEmpty()) {
                    continue;
                }
                p = p.resolve(part);
                if (Files.isSymbolicLink(p)) {
                    throw unsafe(relative);
                }
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                if (!p.toRealPath().startsWith(realRoot)) {
                    throw unsafe(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unsafe(String path) {
        return ApiException.invalid("Invalid path '" + path + "': artifact paths are relative, without '..', and "
                + "stay inside the artifact root.");
    }
}
