package dev.cairn.plugin.tensorboard;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds TensorBoard run directories: every directory holding at least one {@code *tfevents*} file. */
final class RunDirectories {
    private RunDirectories() {
    }

    static boolean isEventFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.contains("tfevents") && !name.endsWith(".tmp");
    }

    /** Run directory → its event files (sorted by name, which TensorBoard orders by creation time). */
    static Map<Path, List<Path>> find(Path root) throws IOException {
        Map<Path, List<Path>> runs = new TreeMap<>();
        if (Files.isRegularFile(root)) {
            if (isEventFile(root)) {
                runs.put(root.toAbsolutePath().getParent(), new ArrayList<>(List.of(root)));
            }
            return runs;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isEventFile(file)) {
                    runs.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        runs.values().forEach(files -> files.sort(null));
        return runs;
    }

    /**
     * Cheap check: an event file within {@code maxDepth} levels of {@code root}, looking at no more than
     * {@code maxEntries} directory entries. Never throws.
     */
    static boolean containsEventFile(Path root, int maxDepth, int maxEntries) {
        try {
            if (Files.isRegularFile(root)) {
                return isEventFile(root);
            }
            boolean[] found = {false};
            int[] seen = {0};
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isEventFile(file)) {
                                found[0] = true;
                                return FileVisitResult.TERMINATE;
                            }
                            return ++seen[0] > maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
            return found[0];
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
