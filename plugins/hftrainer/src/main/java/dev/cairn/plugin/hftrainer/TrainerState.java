package dev.cairn.plugin.hftrainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One {@code trainer_state.json}: the output folder's own or a checkpoint's snapshot of it.
 *
 * @param file       the file read
 * @param root       its parsed tree
 * @param globalStep {@code global_step}
 * @param entries    number of {@code log_history} entries
 */
record TrainerState(Path file, JsonNode root, long globalStep, int entries) {

    /** Reads and checks the fields every state has ({@code global_step}, {@code log_history}). */
    static TrainerState read(Path file) throws IOException, LogFileException {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a JSON object (a Trainer state)");
        }
        JsonNode step = root.get("global_step");
        if (step == null || !step.isIntegralNumber()) {
            throw new LogFileException(file, 1, "missing or non-integer field 'global_step'");
        }
        JsonNode history = root.get("log_history");
        if (history == null || !history.isArray()) {
            throw new LogFileException(file, 1, "missing field 'log_history' (a list of log entries)");
        }
        return new TrainerState(file, root, step.asLong(), history.size());
    }

    /** True when this state is newer or more complete than {@code other}. */
    boolean supersedes(TrainerState other) {
        return globalStep != other.globalStep ? globalStep > other.globalStep : entries > other.entries;
    }
}
