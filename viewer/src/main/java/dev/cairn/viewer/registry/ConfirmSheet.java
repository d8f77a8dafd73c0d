package dev.cairn.viewer.registry;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The confirmation of a registry action, shown over the browser: exactly what will change, the inputs the action
 * needs, an optional comment, and Cancel / Confirm.
 */
final class ConfirmSheet extends StackPane {
    private final RegistryViewModel vm;
    private final VBox card = new VBox(8);

    ConfirmSheet(RegistryViewModel vm) {
        this.vm = vm;
        setId("registry-confirm");
        getStyleClass().add("confirm-backdrop");
        card.getStyleClass().add("confirm-card");
        card.setMaxSize(460, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        visibleProperty().bind(vm.pending().isNotNull());
        vm.pending().addListener((obs, was, now) -> show(now));
    }

    private void show(PendingAction a) {
        card.getChildren().clear();
        if (a == null) {
            return;
        }
        Label title = new Label(a.title() + " of " + a.model());
        title.getStyleClass().add("detail-title");
        card.getChildren().addAll(title, new Label("This will change:"));
        VBox changes = new VBox(2);
        changes.setId("confirm-changes");
        Runnable fill = () -> changes.getChildren().setAll(a.changes().stream().map(c -> {
            Label line = new Label("\u2022 " + c);
            line.setWrapText(true); // a long change wraps inside the card rather than being cut short
            return line;
        }).toList());
        a.changes().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        card.getChildren().add(changes);
        if (a.aliasInput()) {
            TextField alias = new TextField();
            alias.setId("confirm-alias");
            alias.setPromptText("Alias, e.g. champion");
            alias.textProperty().bindBidirectional(a.alias());
            card.getChildren().add(alias);
        }
        if (a.archiveOffered()) {
            CheckBox archive = new CheckBox("Archive the versions now in " + a.stage().label());
            archive.setId("confirm-archive");
            archive.selectedProperty().bindBidirectional(a.archiveExisting());
            card.getChildren().add(archive);
        }
        if (a.forceOffered()) {
            CheckBox force = new CheckBox("Force past the promotion rule (recorded)");
            force.setId("confirm-force");
            force.selectedProperty().bindBidirectional(a.force());
            card.getChildren().add(force);
        }
        TextField comment = new TextField();
        comment.setId("confirm-comment");
        comment.setPromptText("Comment (optional)");
        comment.textProperty().bindBidirectional(a.comment());
        Label problem = new Label();
        problem.getStyleClass().add("confirm-problem");
        problem.textProperty().bind(a.problem());
        problem.visibleProperty().bind(a.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label error = new Label();
        error.setId("confirm-error");
        error.getStyleClass().add("confirm-problem");
        error.setWrapText(true);
        error.textProperty().bind(vm.message());
        Button cancel = new Button("Cancel");
        cancel.setId("confirm-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Button confirm = new Button("Confirm");
        confirm.setId("confirm-ok");
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(a.problem().isNotEmpty());
        confirm.setOnAction(e -> vm.confirm());
        HBox buttons = new HBox(8, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        vm.message().set("");
        card.getChildren().addAll(comment, problem, error, buttons);
    }
}
