package dev.cairn.plugin.sacred;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code shared/fixtures}: the {@code cairn.fixtures} property set by the pom, else walking up. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        String prop = System.getProperty("cairn.fixtures");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    static Path get(String relative) {
        return root().resolve(relative);
    }
}
