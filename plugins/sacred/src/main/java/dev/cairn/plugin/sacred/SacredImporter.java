package dev.cairn.plugin.sacred;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports Sacred {@code FileStorageObserver} folders ({@code <dir>/<id>/run.json}): one run per id folder (see
 * {@link SacredRunReader} for the mapping). Artifacts are listed, never unpickled or executed.
 */
public final class SacredImporter implements RunImporter {
    /** Importer id used with {@code cairn import --format}. */
    public static final String ID = "sacred";
    private static final int DEPTH = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sacred";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return "run.json".equals(String.valueOf(path.getFileName())) && isRunFolder(path.getParent())
                        ? 0.9 : 0;
            }
            if (isRunFolder(path)) {
                return 0.95;
            }
            return Files.isDirectory(path) && !find(path, 2).isEmpty() ? 0.85 : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A run folder ({@code <id>/run.json}) is one run. */
    @Override
    public ImportClaim claim(Path path) {
        return Files.isDirectory(path) && isRunFolder(path) ? ImportClaim.run(0.95) : ImportClaim.NONE;
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        Path start = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path.toAbsolutePath();
        List<Path> runs;
        try {
            runs = find(start, DEPTH);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new ImportException(path + ": no Sacred run folders (<id>/run.json) found");
        }
        for (int i = 0; i < runs.size() && !context.isCancelled(); i++) {
            Path dir = runs.get(i);
            context.progress((double) i / runs.size(), "reading " + dir);
            try {
                sink.write(SacredRunReader.read(dir, context));
            } catch (LogFileException e) {
                context.fail(dir.toString(), e.getMessage());
            } catch (IOException e) {
                context.fail(dir.toString(), dir + ": cannot read (" + e.getMessage() + ")");
            }
        }
        context.progress(1, "done");
    }

    /** A Sacred run folder: has a run.json, and is not Sacred's {@code _sources} or {@code _resources}. */
    static boolean isRunFolder(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve("run.json"))
                && !String.valueOf(dir.getFileName()).startsWith("_");
    }

    /** Run folders at or under {@code root}, in numeric id order where ids are numbers. */
    static List<Path> find(Path root, int depth) throws IOException {
        List<Path> out = new ArrayList<>();
        walk(root, depth, out);
        return out;
    }

    private static void walk(Path dir, int depth, List<Path> out) throws IOException {
        if (isRunFolder(dir)) {
            out.add(dir);
            return;
        }
        if (depth <= 0 || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("_")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> numeric(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
        for (Path child : children) {
            walk(child, depth - 1, out);
        }
    }

    private static long numeric(String name) {
        return name.matches("\\d{1,18}") ? Long.parseLong(name) : Long.MAX_VALUE;
    }
}
