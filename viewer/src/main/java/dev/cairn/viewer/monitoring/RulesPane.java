package dev.cairn.viewer.monitoring;

import atlantafx.base.theme.Styles;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.RuleKind;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The monitoring view's alert rules: the rules of the open model that apply to the open version, a form that adds
 * one (kind, metric, segment for slice gaps, below/above a threshold, for N consecutive batches, this version only)
 * and a button that removes the selected one. Checking and storing are the view-model's.
 */
final class RulesPane extends VBox {

    RulesPane(MonitoringViewModel vm) {
        super(6);
        setId("monitoring-rules-pane");
        ListView<AlertRule> rules = new ListView<>(vm.rules());
        rules.setId("monitoring-rules");
        rules.setPlaceholder(new Label("No alert rules: add one below"));
        rules.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AlertRule rule, boolean empty) {
                super.updateItem(rule, empty);
                setText(empty || rule == null ? null : MonitoringViewModel.ruleLine(rule));
            }
        });
        rules.setPrefHeight(112); // three rules without scrolling; the alerts list below gives way first
        rules.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<RuleKind> kind = new ComboBox<>();
        kind.getItems().setAll(RuleKind.values());
        kind.setId("monitoring-rule-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(RuleKind k) {
                return k == null ? "" : switch (k) {
                    case METRIC -> "Metric";
                    case DRIFT_SHARE -> "Drift share";
                    case SLICE_GAP -> "Slice gap";
                };
            }

            @Override
            public RuleKind fromString(String text) {
                return null; // not editable
            }
        });
        kind.valueProperty().bindBidirectional(vm.ruleKind());
        ComboBox<String> metric = new ComboBox<>(vm.ruleMetrics());
        metric.setId("monitoring-rule-metric");
        metric.valueProperty().bindBidirectional(vm.ruleMetric());
        metric.visibleProperty().bind(vm.ruleKind().isNotEqualTo(RuleKind.DRIFT_SHARE));
        metric.managedProperty().bind(metric.visibleProperty());
        ComboBox<String> segment = new ComboBox<>(vm.ruleSegments());
        segment.setId("monitoring-rule-segment");
        segment.valueProperty().bindBidirectional(vm.ruleSegment());
        segment.visibleProperty().bind(vm.ruleKind().isEqualTo(RuleKind.SLICE_GAP));
        segment.managedProperty().bind(segment.visibleProperty());
        HBox what = row(kind, metric, segment);

        ComboBox<String> direction = new ComboBox<>();
        direction.getItems().setAll(MonitoringViewModel.DIRECTIONS);
        direction.setId("monitoring-rule-direction");
        direction.valueProperty().bindBidirectional(vm.ruleDirection());
        TextField threshold = new TextField();
        threshold.setId("monitoring-rule-threshold");
        threshold.setPromptText("threshold");
        threshold.setPrefColumnCount(6);
        threshold.textProperty().bindBidirectional(vm.ruleThreshold());
        threshold.setOnAction(e -> vm.addRule());
        TextField forBatches = new TextField();
        forBatches.setId("monitoring-rule-for");
        forBatches.setPrefColumnCount(3);
        forBatches.textProperty().bindBidirectional(vm.ruleFor());
        forBatches.setTooltip(new Tooltip("Alert only when the condition holds for this many consecutive batches"));
        forBatches.setOnAction(e -> vm.addRule());
        HBox when = row(direction, threshold, new Label("for"), forBatches, new Label("batches"));

        CheckBox thisVersion = new CheckBox();
        thisVersion.setId("monitoring-rule-version");
        thisVersion.selectedProperty().bindBidirectional(vm.ruleThisVersionOnly());
        thisVersion.textProperty().bind(vm.version().asString("Only version %d"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button add = new Button("Add rule");
        add.setId("monitoring-rule-add");
        add.setDisable(!vm.canAddRules());
        add.setOnAction(e -> vm.addRule());
        Button remove = new Button("Remove");
        remove.setId("monitoring-rule-remove");
        remove.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeRule(rules.getSelectionModel().getSelectedItem()));
        HBox actions = row(thisVersion, grow, add, remove);

        Label error = message("monitoring-rule-error");
        error.textProperty().bind(vm.ruleError());
        error.getStyleClass().add(Styles.DANGER);
        error.managedProperty().bind(vm.ruleError().isNotEmpty());
        error.visibleProperty().bind(vm.ruleError().isNotEmpty());
        Label status = message("monitoring-rule-status");
        status.textProperty().bind(vm.ruleStatus());
        status.managedProperty().bind(vm.ruleStatus().isNotEmpty());
        status.visibleProperty().bind(vm.ruleStatus().isNotEmpty());
        getChildren().setAll(rules, what, when, actions, error, status);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
