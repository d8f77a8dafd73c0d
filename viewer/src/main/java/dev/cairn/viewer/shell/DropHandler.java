package dev.cairn.viewer.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files, folders or zips dragged anywhere on the window: while they hover, {@code highlighted} carries the
 * "drop-hint" style class; dropped, they go to the window's drop action (the import sheet, or opening a store).
 */
final class DropHandler {
    private static final String HINT = "drop-hint";

    private DropHandler() {
    }

    static void install(Scene scene, Node highlighted, Consumer<List<Path>> onDrop) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!highlighted.getStyleClass().contains(HINT)) {
                    highlighted.getStyleClass().add(HINT);
                }
            }
            e.consume();
        });
        scene.setOnDragExited(e -> highlighted.getStyleClass().remove(HINT));
        scene.setOnDragDropped(e -> {
            highlighted.getStyleClass().remove(HINT);
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                onDrop.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }
}
