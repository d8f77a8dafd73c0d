package dev.cairn.viewer.compare;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** Saves a chart or the whole grid as a PNG. */
public final class ChartExport {
    private ChartExport() {
    }

    /** Takes a snapshot of {@code node} (UI thread) and writes it to {@code file}. */
    public static void png(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer is available to write " + file + ".");
        }
    }
}
