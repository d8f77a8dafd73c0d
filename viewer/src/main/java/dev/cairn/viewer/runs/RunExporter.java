package dev.cairn.viewer.runs;

import dev.cairn.store.model.RunDetails;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** Exports runs to a CSV or JSON file, written to a temporary file first so a failure leaves no half file. */
public final class RunExporter {
    /** Export file formats. */
    public enum Format { CSV, JSON;

        /** The format a file name asks for (".json" = JSON, otherwise CSV). */
        public static Format forFile(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
        }
    }

    private final RunJsonWriter json;

    public RunExporter(RunJsonWriter json) {
        this.json = json;
    }

    /** True when JSON export is available (the app provided a writer). */
    public boolean canWriteJson() {
        return json != null;
    }

    /** Writes {@code runs} to {@code file}; null entries (group header rows of the table) are skipped. */
    public void export(List<RunDetails> allRows, Path file, Format format) throws IOException {
        List<RunDetails> runs = allRows.stream().filter(java.util.Objects::nonNull).toList();
        if (format == Format.JSON && json == null) {
            throw new IOException("JSON export is not available in this build.");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".cairn-export-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (format == Format.JSON) {
                    json.write(runs, out);
                } else {
                    RunCsvWriter.write(runs, out);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
