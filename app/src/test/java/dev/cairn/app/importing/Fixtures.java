package dev.cairn.app.importing;

import dev.cairn.plugin.support.testing.FileTree;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real-world fixtures ({@code ../shared/fixtures} from the project root) from any worktree. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder: the first {@code shared/fixtures} found walking up from the working directory. */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    public static Path get(String relative) {
        return root().resolve(relative);
    }

    /** A writable copy of a fixture folder (fixtures are read-only), for corrupting or growing. */
    public static Path copy(String relative, Path into) {
        return FileTree.copy(get(relative), into);
    }
}
