package dev.cairn.plugin.support;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds for fuzz targets: real files from {@code ../shared/fixtures} (never copied into the project), mutated by the
 * fuzzer's bytes: cut at a point, a byte flipped, a slice duplicated, or the fuzzer's own bytes alone.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    /** Text-like files (.csv, .tsv, .yaml, .json, metric files) under the given fixture folders, up to 64 KiB each. */
    public static List<byte[]> files(String... folders) {
        return files(f -> true, folders);
    }

    /** The files under the given fixture folders whose path {@code which} accepts, up to 64 KiB each. */
    public static List<byte[]> files(java.util.function.Predicate<Path> which, String... folders) {
        Path root = fixtures();
        List<byte[]> out = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(which).sorted().toList()) {
                    if (Files.size(f) <= 64 * 1024) {
                        out.add(Files.readAllBytes(f));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            out.add("epoch,loss\n0,0.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The shared fixtures folder, found from the module folder upwards. */
    public static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return Path.of("../shared/fixtures");
    }

    /** One seed chosen and mutated by the fuzzer's data. */
    public static byte[] mutate(List<byte[]> seeds, FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 4);
        if (mode == 4) {
            return data.consumeRemainingAsBytes();
        }
        byte[] seed = seeds.get(data.consumeInt(0, seeds.size() - 1)).clone();
        if (seed.length == 0) {
            return seed;
        }
        switch (mode) {
            case 0 -> {
                return java.util.Arrays.copyOf(seed, data.consumeInt(0, seed.length)); // cut short
            }
            case 1 -> {
                int flips = data.consumeInt(1, 8);
                for (int i = 0; i < flips; i++) {
                    seed[data.consumeInt(0, seed.length - 1)] = data.consumeByte();
                }
                return seed;
            }
            case 2 -> {
                int at = data.consumeInt(0, seed.length);
                byte[] insert = data.consumeBytes(64);
                byte[] out = new byte[seed.length + insert.length];
                System.arraycopy(seed, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(seed, at, out, at + insert.length, seed.length - at);
                return out;
            }
            default -> {
                return seed;
            }
        }
    }
}
