package dev.cairn.plugin.hftrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds Trainer output folders: a folder with a {@code trainer_state.json} of its own or in a {@code checkpoint-*}
 * or {@code last-checkpoint} sub-folder. Checkpoint folders are snapshots of their output folder, never folders of
 * their own.
 */
final class OutputFolders {
    static final String STATE = "trainer_state.json";

    private OutputFolders() {
    }

    /** True for {@code checkpoint-<n>} and {@code last-checkpoint}. */
    static boolean isCheckpoint(Path dir) {
        String name = String.valueOf(dir.getFileName());
        return name.equals("last-checkpoint") || name.matches("checkpoint-\\d+");
    }

    /** The state files of output folder {@code dir}: its own first, then its checkpoints' by name. */
    static List<Path> stateFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(STATE))) {
            out.add(dir.resolve(STATE));
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).filter(OutputFolders::isCheckpoint)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> p.resolve(STATE)).filter(Files::isRegularFile).forEach(out::add);
        }
        return out;
    }

    /** True when {@code dir} is an output folder (and not itself a checkpoint of one). */
    static boolean isOutputFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (isCheckpoint(dir) && dir.getParent() != null && !stateFiles(dir.getParent()).isEmpty()) {
            return false;
        }
        return !stateFiles(dir).isEmpty();
    }

    /** Output folders at or under {@code root}, at most {@code depth} levels down, in path order. */
    static List<Path> find(Path root, int depth) throws IOException {
        List<Path> out = new ArrayList<>();
        walk(root, depth, out);
        return out;
    }

    private static void walk(Path dir, int depth, List<Path> out) throws IOException {
        if (isOutputFolder(dir)) {
            out.add(dir);
            return;
        }
        if (depth <= 0) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        for (Path child : children) {
            walk(child, depth - 1, out);
        }
    }
}
