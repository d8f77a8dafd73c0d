package dev.cairn.viewer.runs;

import dev.cairn.store.model.RunDetails;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes runs as a JSON array in the public run shape of {@code cairn runs --json}. The app provides it, so the
 * window's export and the command line share one shape.
 */
@FunctionalInterface
public interface RunJsonWriter {
    void write(List<RunDetails> runs, Writer out) throws IOException;
}
