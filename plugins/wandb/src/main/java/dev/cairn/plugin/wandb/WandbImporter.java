package dev.cairn.plugin.wandb;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports Weights &amp; Biases run folders ({@code wandb/run-<date>-<id>/}, {@code offline-run-*}) from their local
 * files, without W&B: see {@link WandbRunReader} for the mapping and {@link RecordLog} for the binary log.
 */
public final class WandbImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "wandb";
    private static final int DEPTH = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Weights & Biases";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return path.getFileName().toString().endsWith(".wandb") && RecordLog.hasHeader(path) ? 0.95 : 0;
            }
            if (RunFolders.isRunFolder(path)) {
                return 0.95;
            }
            return Files.isDirectory(path) && !RunFolders.find(path, 2).isEmpty() ? 0.85 : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A run folder is one run (a resumed run's second folder merges into it). */
    @Override
    public ImportClaim claim(Path path) {
        return RunFolders.isRunFolder(path) ? ImportClaim.run(0.95) : ImportClaim.NONE;
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path.toAbsolutePath();
        List<Path> runs;
        try {
            runs = RunFolders.find(start, DEPTH);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new ImportException(path + ": no W&B run folders (run-<date>-<id>/run-<id>.wandb) found");
        }
        for (int i = 0; i < runs.size() && !context.isCancelled(); i++) {
            Path dir = runs.get(i);
            context.progress((double) i / runs.size(), "reading " + dir.getFileName());
            try {
                sink.write(WandbRunReader.read(dir, context));
            } catch (LogFileException e) {
                context.fail(dir.toString(), e.getMessage());
            } catch (IOException e) {
                context.fail(dir.toString(), dir + ": cannot read (" + e.getMessage() + ")");
            }
        }
        context.progress(1, "done");
    }
}
