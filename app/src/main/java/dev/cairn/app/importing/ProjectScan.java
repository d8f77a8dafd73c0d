package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.RunImporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every source in a dropped project tree: walks it once (hidden folders, virtual environments, caches and
 * symbolic links skipped) and asks each importer to {@link RunImporter#claim claim} each folder and file. The most
 * confident claim of a path wins (claims within {@value #TIE} of it read it too); an importer is not asked below
 * its own claim (its import reads everything under it); a claim that owns its subtree hides it from every importer
 * (a dropped store or run folder is read by its importer alone, as before project folders). Sibling single-run
 * sources (per-seed, per-fold folders) get the folder holding them as their group.
 */
final class ProjectScan {
    static final double TIE = 0.03;
    private static final int MAX_DEPTH = 10;
    /** Folders and files looked at before the walk stops (a data folder of millions of files is not a project). */
    static final int MAX_ENTRIES = 200_000;
    private static final Set<String> SKIPPED = Set.of("node_modules", "__pycache__", "venv", "site-packages",
            "env", ".venv");

    /**
     * One claimed sub-tree.
     *
     * @param group the folder holding this source and its single-run siblings, or null when it stands alone
     */
    record Source(Path path, RunImporter importer, ImportClaim claim, Path group) {
    }

    private final List<RunImporter> importers;
    private final List<Source> found = new ArrayList<>();
    private final int maxEntries;
    private int entries;

    private ProjectScan(List<RunImporter> importers, int maxEntries) {
        this.importers = importers;
        this.maxEntries = maxEntries;
    }

    /**
     * What a walk found: the sources in walk order (folders in name order, files before sub-folders), and whether
     * it stopped early at {@link #MAX_ENTRIES}.
     */
    record Result(List<Source> sources, boolean truncated) {
    }

    static Result scan(Path root, List<RunImporter> importers) throws IOException {
        return scan(root, importers, MAX_ENTRIES);
    }

    static Result scan(Path root, List<RunImporter> importers, int maxEntries) throws IOException {
        ProjectScan scan = new ProjectScan(importers, maxEntries);
        scan.visit(root, Set.of(), 0);
        return new Result(group(root, scan.found), scan.entries > maxEntries);
    }

    private void visit(Path dir, Set<RunImporter> blocked, int depth) throws IOException {
        if (++entries > maxEntries) {
            return;
        }
        List<Source> all = claims(dir, blocked);
        List<Source> claims = winners(all);
        found.addAll(claims);
        if (claims.stream().anyMatch(s -> s.claim().ownsSubtree())) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        // an importer that claimed this folder, read or not, is not asked below it
        Set<RunImporter> below = new HashSet<>(blocked);
        all.forEach(s -> below.add(s.importer()));
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || SKIPPED.contains(name) || Files.isSymbolicLink(child)) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(child);
                } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(child);
                }
            }
        }
        for (Path file : files) {
            if (++entries > maxEntries) {
                return;
            }
            found.addAll(winners(claims(file, below)));
        }
        for (Path sub : dirs) {
            visit(sub, below, depth + 1);
        }
    }

    private List<Source> claims(Path path, Set<RunImporter> blocked) {
        List<Source> all = new ArrayList<>();
        for (RunImporter importer : importers) {
            if (blocked.contains(importer)) {
                continue;
            }
            ImportClaim c = importer.claim(path);
            if (c != null && c.claimed()) {
                all.add(new Source(path, importer, c, null));
            }
        }
        return all;
    }

    /** The most confident claims of one path (and those within {@link #TIE} of it). */
    private static List<Source> winners(List<Source> all) {
        double best = all.stream().mapToDouble(s -> s.claim().confidence()).max().orElse(0);
        return all.stream().filter(s -> s.claim().confidence() >= best - TIE).toList();
    }

    /**
     * Groups single-run sources that differ in one path component (the last, else the one before it): their group
     * is the folder holding the differing component.
     */
    static List<Source> group(Path root, List<Source> sources) {
        Map<String, Integer> counts = new HashMap<>();
        List<List<String>> keys = new ArrayList<>();
        for (Source s : sources) {
            List<String> k = new ArrayList<>();
            if (s.claim().singleRun() && !s.path().equals(root)) {
                Path rel = root.relativize(s.path());
                int n = rel.getNameCount();
                for (int j = n - 1; j >= Math.max(0, n - 2); j--) {
                    String key = pattern(rel, j);
                    k.add(key);
                    counts.merge(key, 1, Integer::sum);
                }
            }
            keys.add(k);
        }
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            Path group = null;
            for (String key : keys.get(i)) {
                if (counts.get(key) >= 2) {
                    int j = Integer.parseInt(key.substring(0, key.indexOf(':')));
                    Path rel = root.relativize(s.path());
                    group = j == 0 ? root : root.resolve(rel.subpath(0, j));
                    break;
                }
            }
            out.add(new Source(s.path(), s.importer(), s.claim(), group));
        }
        return out;
    }

    private static String pattern(Path rel, int j) {
        StringBuilder b = new StringBuilder().append(j).append(':');
        for (int i = 0; i < rel.getNameCount(); i++) {
            b.append('/').append(i == j ? "\0" : rel.getName(i).toString());
        }
        return b.toString();
    }
}
