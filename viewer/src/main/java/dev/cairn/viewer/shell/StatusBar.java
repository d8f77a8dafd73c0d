package dev.cairn.viewer.shell;

import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.BackgroundWork;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Store path, mode badge, run count, the latest message (a lost connection or a failed action in the danger colour,
 * or a notice) and background work with progress.
 */
public final class StatusBar {
    private final HBox root = new HBox();

    public StatusBar(ShellViewModel vm) {
        RunsViewModel runs = vm.runs();
        BackgroundWork work = vm.runner().work();
        root.getStyleClass().add("status-bar");
        root.setId("statusBar");

        Label path = new Label();
        path.setId("statusPath");
        path.textProperty().bind(Bindings.createStringBinding(() -> vm.storePathProperty().get().isEmpty()
                ? "No store open" : vm.storePathProperty().get(), vm.storePathProperty()));
        path.setMinWidth(60);
        path.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);

        Label mode = new Label();
        mode.setId("statusMode");
        mode.getStyleClass().add("mode-badge");
        mode.textProperty().bind(Bindings.createStringBinding(() -> vm.modeProperty().get() == null ? ""
                : vm.modeProperty().get().label(), vm.modeProperty()));
        mode.visibleProperty().bind(vm.modeProperty().isNotNull());
        mode.managedProperty().bind(mode.visibleProperty());
        vm.modeProperty().addListener((o, a, b) -> {
            mode.getStyleClass().remove("read-only");
            if (b == StoreMode.READ_ONLY) {
                mode.getStyleClass().add("read-only");
            }
        });
        mode.setMinWidth(Region.USE_PREF_SIZE);

        Label count = new Label();
        count.setId("statusCount");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.screenProperty().get() != Screen.BROWSER) {
                return "";
            }
            int n = runs.rows().size();
            long matching = runs.matchingRunsProperty().get();
            String text = matching > n && !runs.completeProperty().get()
                    ? Formats.count(matching) + " runs (first " + Formats.count(n) + " loaded; scroll for more)"
                    : Formats.count(n) + (n == 1 ? " run" : " runs");
            if (runs.loadingProperty().get()) {
                text += " (loading…)";
            }
            int hidden = runs.hiddenNewRunsProperty().get();
            if (hidden > 0) {
                text += " · " + hidden + " new (refresh to filter)";
            }
            return text;
        }, runs.rows(), runs.loadingProperty(), runs.hiddenNewRunsProperty(), vm.screenProperty(),
                runs.matchingRunsProperty(), runs.completeProperty()));

        Label message = new Label();
        message.setId("statusMessage");
        message.setMinWidth(0);
        message.textProperty().bind(vm.statusMessageProperty());
        vm.statusProblemProperty().addListener((o, a, b) -> {
            message.getStyleClass().remove("status-problem");
            if (b) {
                message.getStyleClass().add("status-problem");
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label workLabel = new Label();
        workLabel.setId("statusWork");
        workLabel.textProperty().bind(work.labelProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.progressProperty().bind(work.progressProperty());
        workLabel.visibleProperty().bind(work.visibleProperty());
        progress.visibleProperty().bind(work.visibleProperty());
        workLabel.managedProperty().bind(workLabel.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(path, mode, count, message, spacer, workLabel, progress);
    }

    public HBox node() {
        return root;
    }
}
