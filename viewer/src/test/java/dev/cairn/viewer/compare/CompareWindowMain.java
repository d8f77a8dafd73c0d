package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.query.RunQuery;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.Theme;
import javafx.application.Application;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the compare window for every run of a store, without the main window: for screenshots and manual checks.
 * {@code java -cp ... dev.cairn.viewer.compare.CompareWindowMain STORE [light|dark] [smoothing] [groupParam]}.
 */
public final class CompareWindowMain {
    private CompareWindowMain() {
    }

    public static void main(String[] args) {
        TrackingStore store = TrackingStore.open(Path.of(args[0]));
        Theme theme = Theme.parse(args.length > 1 ? args[1] : "light");
        List<String> ids = store.search().searchAll(RunQuery.all()).stream().map(r -> r.id()).toList();
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(theme.stylesheet());
            var stage = CompareWindow.open(null, store, new FxTaskRunner(2), ids, theme);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(900);
            CompareView view = (CompareView) stage.getScene().getRoot().getProperties().get(CompareView.class);
            if (view != null && args.length > 2) {
                view.viewModel().charts().options().smoothingProperty().set(Double.parseDouble(args[2]));
            }
            if (view != null && args.length > 3) {
                view.viewModel().referenceProperty().set(ids.get(ids.size() - 1));
                view.viewModel().differencesOnlyProperty().set(true);
                view.viewModel().searchProperty().set(args.length > 4 ? args[4] : "");
            }
            stage.setOnHidden(e -> {
                store.close();
                Platform.exit();
            });
        });
    }
}
