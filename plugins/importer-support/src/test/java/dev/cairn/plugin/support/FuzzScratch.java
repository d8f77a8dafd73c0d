package dev.cairn.plugin.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a fuzz target writes its inputs into: one per target class, made on the first call (the target runs
 * many times, once per input) and kept for the run.
 */
public final class FuzzScratch {
    private final String prefix;
    private final String within;
    private final String[] made;
    private Path dir;

    /** A new temporary folder named {@code prefix...}. */
    public FuzzScratch(String prefix) {
        this(prefix, "");
    }

    /**
     * @param prefix the temporary folder's name prefix
     * @param within the folder inside it to write in (e.g. a run folder; made), {@code ""} for the folder itself
     * @param made   folders to make inside {@code within}
     */
    public FuzzScratch(String prefix, String within, String... made) {
        this.prefix = prefix;
        this.within = within;
        this.made = made.clone();
    }

    /** The folder, made on the first call. */
    public synchronized Path dir() throws IOException {
        if (dir == null) {
            Path d = Files.createDirectories(Files.createTempDirectory(prefix).resolve(within));
            for (String m : made) {
                Files.createDirectories(d.resolve(m));
            }
            dir = d;
        }
        return dir;
    }

    /** {@code name} in the folder. */
    public Path file(String name) throws IOException {
        return dir().resolve(name);
    }
}
