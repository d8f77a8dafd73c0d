package dev.cairn.viewer.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Saves what a node shows as a PNG: the snapshot is taken on the FX thread (it must be), the encoding and the write
 * run in the background through the task runner, so a large chart grid never freezes the window.
 */
public final class PngExport {
    private PngExport() {
    }

    /**
     * Snapshots {@code node} now (call on the FX thread) and writes it to {@code file} in the background; one of
     * the callbacks is called on the FX thread when done.
     */
    public static void save(Node node, Path file, TaskRunner runner, Consumer<Path> onSaved,
                            Consumer<Throwable> onFailed) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        runner.submit("Saving " + file.getFileName(), () -> {
            write(image, file);
            return file;
        }, onSaved, onFailed);
    }

    /** Snapshots {@code node} and writes it at once, on the FX thread (for tests and tools; the window uses save). */
    public static void writeNow(Node node, Path file) throws IOException {
        write(node.snapshot(new SnapshotParameters(), null), file);
    }

    /** Encodes and writes {@code image}; any thread. */
    static void write(WritableImage image, Path file) throws IOException {
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer is available to write " + file + ".");
        }
    }
}
