package dev.cairn.plugin.wandb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** W&B run folders: {@code run-<date>-<id>} or {@code offline-run-<date>-<id>}, holding {@code run-<id>.wandb}. */
final class RunFolders {
    private static final Pattern NAME = Pattern.compile("(?:offline-)?run-\\d{8}_\\d{6}-([A-Za-z0-9]+)");

    private RunFolders() {
    }

    /** The run id in a run folder's name, or null when the name is not a run folder's. */
    static String runId(Path dir) {
        Matcher m = NAME.matcher(String.valueOf(dir.getFileName()));
        return m.matches() ? m.group(1) : null;
    }

    /** The binary log of run folder {@code dir}: {@code run-<id>.wandb}, else the one {@code *.wandb} file. */
    static Path log(Path dir) throws IOException {
        String id = runId(dir);
        if (id != null && Files.isRegularFile(dir.resolve("run-" + id + ".wandb"))) {
            return dir.resolve("run-" + id + ".wandb");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wandb")).filter(Files::isRegularFile)
                    .sorted().findFirst().orElse(null);
        }
    }

    static boolean isRunFolder(Path dir) {
        try {
            return Files.isDirectory(dir) && !Files.isSymbolicLink(dir) && runId(dir) != null && log(dir) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Run folders at or under {@code root} (symbolic links such as {@code latest-run} skipped), in name order. */
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
        if (depth <= 0 || !Files.isDirectory(dir) || Files.isSymbolicLink(dir)) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).sorted().toList();
        }
        for (Path child : children) {
            walk(child, depth - 1, out);
        }
    }
}
