package dev.cairn.viewer.hparams;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Saves what a node shows as a PNG file. */
final class PngExport {
    private PngExport() {
    }

    /** Snapshots {@code node} (on the FX thread) and writes it to {@code file}. */
    static void save(Node node, Path file) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
