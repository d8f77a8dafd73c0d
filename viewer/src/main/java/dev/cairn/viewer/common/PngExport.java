package dev.cairn.viewer.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** Saves what a node shows (a chart, a grid of charts, a plot) as a PNG file. */
public final class PngExport {
    private PngExport() {
    }

    /** Takes a snapshot of {@code node} (UI thread) and writes it to {@code file}. */
    public static void save(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer is available to write " + file + ".");
        }
    }
}
