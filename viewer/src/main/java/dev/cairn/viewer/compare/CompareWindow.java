package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.FxTicker;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** Opens the compare view for a set of runs in its own window, with live updates while it is open. */
public final class CompareWindow {
    private static final String[] CSS = {"/dev/cairn/viewer/cairn.css", "/dev/cairn/viewer/compare/compare.css"};

    private CompareWindow() {
    }

    /** Opens a window comparing {@code runIds} (2 or more) of {@code store}; returns its stage. */
    public static Stage open(Window owner, TrackingStore store, TaskRunner runner, List<String> runIds, Theme theme) {
        CompareViewModel vm = new CompareViewModel(store, runner, runIds);
        CompareView view = new CompareView(vm, theme, runner);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Compare " + runIds.size() + " runs — Cairn");
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1280, 860);
        for (String css : CSS) {
            var url = CompareWindow.class.getResource(css);
            if (url != null) {
                scene.getStylesheets().add(url.toExternalForm());
            }
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.stopLive());
        vm.load();
        vm.startLive(new FxTicker());
        stage.show();
        return stage;
    }
}
