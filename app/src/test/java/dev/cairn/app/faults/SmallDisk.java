package dev.cairn.app.faults;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test (root only), with a filler file to make it nearly full. Where mounting is not
 * permitted the test is skipped with the reason, except under {@code CI=true}, where it fails.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (e.g. "8m") at a fresh folder {@code dir}. */
    static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Result r = exec("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "cairn-disk-full", dir.toString());
        if (r.code != 0) {
            String reason = "cannot mount a tmpfs for the disk-full test (needs root): " + r.output.strip();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but " + reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
        return new SmallDisk(dir);
    }

    Path path() {
        return mountPoint;
    }

    /** Fills the disk until a write fails, then frees {@code keepFree} bytes of the filler. */
    void fillLeaving(long keepFree) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException full) {
            // ENOSPC: the disk is full
        }
        try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, ch.size() - keepFree));
        }
    }

    /** Free bytes on the disk. */
    long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Deletes the filler: the disk has room again. */
    void freeSpace() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result r = exec("umount", mountPoint.toString());
        if (r.code != 0) {
            // a lazy unmount still frees the tmpfs once the last file handle closes
            exec("umount", "-l", mountPoint.toString());
        }
    }

    private record Result(int code, String output) {
    }

    private static Result exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, command[0] + " did not finish");
        }
        return new Result(p.exitValue(), output);
    }
}
