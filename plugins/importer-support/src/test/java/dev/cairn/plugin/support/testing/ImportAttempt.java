package dev.cairn.plugin.support.testing;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code importFrom} of a path into a {@link CollectingSink} with a {@link RecordingContext}, for the fuzz and
 * bad-input tests: the runs written, the warnings and failures, and the refusal ({@link ImportException}) if any.
 * Any other exception escapes to the test.
 */
public final class ImportAttempt {
    /** Where the runs went. */
    public final CollectingSink sink = new CollectingSink();
    /** The warnings and failures. */
    public final RecordingContext context = new RecordingContext();
    /** The message of the {@link ImportException} that refused the import; null when it was not refused. */
    public final String refusal;

    private ImportAttempt(RunImporter importer, Path path) {
        String refused = null;
        try {
            importer.importFrom(path, sink, context);
        } catch (ImportException e) {
            refused = e.getMessage();
        }
        this.refusal = refused;
    }

    /** Imports {@code path} with {@code importer}. */
    public static ImportAttempt of(RunImporter importer, Path path) {
        return new ImportAttempt(importer, path);
    }

    /** The runs written. */
    public List<ImportedRun> runs() {
        return sink.runs;
    }

    /** The refusal, if any, and every failure's message: what the user reads as errors. */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        if (refusal != null) {
            out.add(refusal);
        }
        out.addAll(context.failureMessages());
        return out;
    }
}
