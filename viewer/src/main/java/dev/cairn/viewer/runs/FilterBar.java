package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.GroupBy;
import atlantafx.base.theme.Styles;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * The table toolbar: a text field in the store's filter language, applied on Enter; a syntax error turns the field
 * red, selects the character at the error's column and shows the message; typing offers key completion; the
 * "Group by" menu and whatever the shell adds (columns, export) follow.
 */
public final class FilterBar {
    private final VBox root = new VBox();
    private final CustomTextField field = new CustomTextField();
    private final Label error = new Label();
    private final ContextMenu completions = new ContextMenu();
    private final RunsViewModel vm;
    private final GroupByPicker groupBy;

    public FilterBar(RunsViewModel vm, javafx.scene.Node... trailing) {
        this.vm = vm;
        this.groupBy = new GroupByPicker(vm);
        field.setId("filterField");
        field.setPromptText("Filter, e.g.  metrics.accuracy > 0.9 and params.model = \"tree\"   (Ctrl+F)");
        field.setLeft(new FontIcon(Material2AL.FILTER_LIST));
        HBox.setHgrow(field, Priority.ALWAYS);
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("clearFilter");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setOnAction(e -> {
            field.clear();
            vm.applyFilter("");
        });
        HBox bar = new HBox(clear);
        bar.getStyleClass().add("filter-bar");
        bar.getChildren().setAll(field, clear, groupBy.node());
        bar.getChildren().addAll(trailing);

        error.setId("filterError");
        error.getStyleClass().add("filter-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);

        field.setOnAction(e -> {
            completions.hide();
            vm.applyFilter(field.getText());
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
                showCompletions();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                completions.hide();
            }
        });
        field.textProperty().addListener((o, a, b) -> {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            if (field.isFocused()) {
                showCompletions();
            }
        });
        vm.filterErrorProperty().addListener((o, a, b) -> showError(b));
        vm.filterProperty().addListener((o, a, b) -> {
            if (!field.getText().strip().equals(b)) {
                field.setText(b);
            }
        });
        root.getChildren().addAll(bar, error);
    }

    private void showError(FilterError e) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, e != null);
        error.setVisible(e != null);
        if (e == null) {
            error.setText("");
            return;
        }
        error.setText(e.column() >= 0 ? "Column " + (e.column() + 1) + ": " + e.message() : e.message());
        if (e.column() >= 0 && e.column() <= field.getText().length()) {
            field.requestFocus();
            int end = Math.min(field.getText().length(), e.column() + 1);
            field.selectRange(e.column(), Math.max(end, e.column()));
        }
    }

    private void showCompletions() {
        List<FilterCompletion.Suggestion> list = FilterCompletion.suggest(field.getText(), field.getCaretPosition(),
                vm.metricKeys(), vm.paramKeys(), vm.tagKeys());
        completions.getItems().clear();
        if (list.isEmpty()) {
            completions.hide();
            return;
        }
        for (FilterCompletion.Suggestion s : list.subList(0, Math.min(12, list.size()))) {
            Label label = new Label(s.replacement());
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.setOnAction(e -> {
                String text = field.getText();
                field.setText(s.applyTo(text));
                field.positionCaret(s.caretAfter());
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            completions.show(field, Side.BOTTOM, 0, 0);
        }
    }

    public VBox node() {
        return root;
    }

    public TextField field() {
        return field;
    }

    /** The suggestions popup (for tests). */
    public ContextMenu completions() {
        return completions;
    }
}
