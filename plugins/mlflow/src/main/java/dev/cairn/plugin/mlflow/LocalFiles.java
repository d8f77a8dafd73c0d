package dev.cairn.plugin.mlflow;

import dev.cairn.store.model.Artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the file-per-key folders of an MLflow run ({@code params/}, {@code tags/}) and lists artifact files. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Every file under {@code dir} as key to content; keys are paths relative to {@code dir} with {@code /}
     * (MLflow stores a key {@code a/b} as folder {@code a} with file {@code b}).
     */
    static Map<String, String> keyedValues(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path f : files(dir)) {
            out.put(relative(dir, f), Files.readString(f, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Every regular file under {@code dir}, sorted by path. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The artifact files under {@code dir}, with sizes. */
    static List<Artifact> artifacts(Path dir) throws IOException {
        List<Artifact> out = new ArrayList<>();
        for (Path f : files(dir)) {
            out.add(new Artifact(relative(dir, f), Files.size(f)));
        }
        return out;
    }

    static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }
}
