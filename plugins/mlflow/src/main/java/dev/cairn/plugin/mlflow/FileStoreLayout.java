package dev.cairn.plugin.mlflow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where things are in an MLflow file store: {@code <store>/<experiment id>/meta.yaml}, deleted experiments under
 * {@code <store>/.trash/}, runs as {@code <experiment>/<run id>/meta.yaml}, MLflow 3 logged models under
 * {@code <experiment>/models/m-*}, the model registry under {@code <store>/models/}.
 */
final class FileStoreLayout {
    static final String TRASH = ".trash";
    private static final Set<String> NOT_RUNS = Set.of("models", "datasets", "tags", "traces", "outputs");
    private static final int SEARCH_DEPTH = 3;

    private FileStoreLayout() {
    }

    /** True when {@code dir} looks like a store root: it has an experiment folder (numeric name with meta.yaml). */
    static boolean isStore(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path c : children) {
                String name = c.getFileName().toString();
                if ((isNumeric(name) && Files.isRegularFile(c.resolve("meta.yaml")))
                        || (name.equals(TRASH) && Files.isDirectory(c) && dir.getFileName() != null
                        && dir.getFileName().toString().equals("mlruns"))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The stores at or below {@code path} (a few levels down, e.g. a repository with mlruns/ and src/mlruns/). */
    static List<Path> findStores(Path path) {
        List<Path> out = new ArrayList<>();
        collect(path, 0, out);
        return out;
    }

    private static void collect(Path dir, int depth, List<Path> out) {
        if (isStore(dir)) {
            out.add(dir);
            return;
        }
        if (depth >= SEARCH_DEPTH || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> subdirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (!name.startsWith(".") && !name.equals("node_modules")) {
                    subdirs.add(c);
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        subdirs.sort(null);
        for (Path c : subdirs) {
            collect(c, depth + 1, out);
        }
    }

    /** Experiment folders of a store: active ones, then deleted ones under {@code .trash}. */
    static List<Path> experimentDirs(Path store) throws IOException {
        List<Path> out = new ArrayList<>(numericDirs(store));
        Path trash = store.resolve(TRASH);
        if (Files.isDirectory(trash)) {
            out.addAll(numericDirs(trash));
        }
        return out;
    }

    static boolean isTrashed(Path experimentDir) {
        Path parent = experimentDir.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(TRASH);
    }

    /** Run folders of an experiment: sub-folders with a meta.yaml, except MLflow's non-run folders. */
    static List<Path> runDirs(Path experimentDir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(experimentDir, Files::isDirectory)) {
            for (Path c : children) {
                if (!NOT_RUNS.contains(c.getFileName().toString()) && Files.exists(c.resolve("meta.yaml"))) {
                    out.add(c);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Path> numericDirs(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path c : children) {
                if (isNumeric(c.getFileName().toString()) && Files.exists(c.resolve("meta.yaml"))) {
                    out.add(c);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean isNumeric(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
