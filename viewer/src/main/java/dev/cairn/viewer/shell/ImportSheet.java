package dev.cairn.viewer.shell;

import dev.cairn.viewer.common.BackgroundWork;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import sheet over the window's centre: what was detected (format, runs, experiments), then progress with
 * Cancel, then the summary with failures and warnings. All state is in the {@link ImportSheetViewModel}.
 */
final class ImportSheet extends StackPane {
    private static final int MAX_LINES = 200;

    private final ImportSheetViewModel vm;
    private final BackgroundWork work;
    private final VBox card = new VBox(10);

    ImportSheet(ImportSheetViewModel vm, BackgroundWork work) {
        this.vm = vm;
        this.work = work;
        setId("importSheet");
        getStyleClass().add("sheet-backdrop");
        card.getStyleClass().add("sheet-card");
        card.setMaxSize(560, Region.USE_PREF_SIZE);
        card.setPrefWidth(560);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        visibleProperty().bind(vm.phaseProperty().isNotEqualTo(ImportPhase.HIDDEN));
        vm.phaseProperty().addListener((o, a, b) -> render());
        vm.sources().addListener((ListChangeListener<ImportResult.Source>) c -> render());
        render();
    }

    private void render() {
        card.getChildren().clear();
        ImportPhase phase = vm.phaseProperty().get();
        if (phase == ImportPhase.HIDDEN) {
            return;
        }
        Label title = new Label(switch (phase) {
            case DETECTING, READY -> "Import runs";
            case IMPORTING -> "Importing…";
            default -> vm.resultProperty().get() != null && vm.resultProperty().get().cancelled()
                    ? "Import cancelled" : "Import finished";
        });
        title.setId("importTitle");
        title.getStyleClass().add("sheet-title");
        card.getChildren().addAll(title, sourcesGrid(phase));
        switch (phase) {
            case DETECTING -> card.getChildren().addAll(progress(-1, "Reading and counting runs…"),
                    buttons(cancel("Cancel")));
            case READY -> ready();
            case IMPORTING -> {
                ProgressBar bar = new ProgressBar();
                bar.setId("importProgress");
                bar.progressProperty().bind(work.progressProperty());
                bar.setMaxWidth(Double.MAX_VALUE);
                card.getChildren().addAll(bar, buttons(cancel("Cancel")));
            }
            case DONE -> done();
            default -> { }
        }
    }

    private GridPane sourcesGrid(ImportPhase phase) {
        GridPane grid = new GridPane();
        grid.setId("importSources");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getStyleClass().add("sheet-list");
        int row = 0;
        Path dropped = null;
        for (ImportResult.Source s : vm.sources()) {
            Path p = Path.of(s.path());
            // a sub-tree of a dropped project folder shows its path under that folder, indented
            boolean sub = dropped != null && p.startsWith(dropped) && !p.equals(dropped);
            if (!sub) {
                dropped = p;
            }
            String shown = sub ? "  " + dropped.relativize(p).toString().replace('\\', '/')
                    : p.getFileName() == null ? s.path() : p.getFileName().toString();
            Label name = new Label(shown);
            name.getStyleClass().add("sheet-path");
            name.setTooltip(new javafx.scene.control.Tooltip(s.path()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            String text = s.format() != null ? s.format() : phase == ImportPhase.DETECTING ? "detecting…"
                    : "not recognised";
            Label format = new Label(text);
            format.getStyleClass().add("sheet-format");
            if (s.format() == null) {
                format.getStyleClass().add("unknown");
            }
            grid.addRow(row++, name, format);
            if (row >= 12 && vm.sources().size() > 12) {
                grid.addRow(row, new Label("… and " + (vm.sources().size() - 12) + " more"));
                break;
            }
        }
        return grid;
    }

    private void ready() {
        Label preview = new Label(vm.previewProperty().get());
        preview.setId("importPreview");
        preview.setWrapText(true);
        Label problem = new Label(vm.problemProperty().get());
        problem.setId("importProblem");
        problem.getStyleClass().add("sheet-problem");
        problem.setVisible(!problem.getText().isEmpty());
        problem.setManaged(problem.isVisible());
        if (!preview.getText().isEmpty()) {
            card.getChildren().add(preview);
        }
        card.getChildren().add(problem);
        ImportResult dry = vm.resultProperty().get();
        if (dry != null && (!dry.failures().isEmpty() || !dry.warnings().isEmpty())) {
            card.getChildren().add(messages(dry));
        }
        Button go = new Button("Import");
        go.setId("importGo");
        go.setDefaultButton(true);
        go.getStyleClass().add("accent");
        go.setDisable(!vm.canImportProperty().get());
        go.setOnAction(e -> vm.importNow());
        card.getChildren().add(buttons(cancel("Cancel"), go));
        if (!go.isDisabled()) {
            go.requestFocus();
        }
    }

    private void done() {
        ImportResult r = vm.resultProperty().get();
        if (r != null) {
            Label headline = new Label(r.headline());
            headline.setId("importSummary");
            headline.getStyleClass().add("sheet-title");
            headline.setStyle("-fx-font-size: 1.05em;");
            card.getChildren().add(headline);
            if (!r.runIds().isEmpty()) {
                Label selected = new Label("The imported runs are selected in the runs table.");
                selected.getStyleClass().add("sheet-muted");
                card.getChildren().add(selected);
            }
            if (!r.failures().isEmpty() || !r.warnings().isEmpty()) {
                card.getChildren().add(messages(r));
            }
        }
        if (!vm.problemProperty().get().isEmpty()) {
            Label problem = new Label(vm.problemProperty().get());
            problem.setId("importProblem");
            problem.getStyleClass().add("sheet-problem");
            card.getChildren().add(problem);
        }
        Button close = new Button("Close");
        close.setId("importClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> vm.close());
        card.getChildren().add(buttons(close));
        close.requestFocus();
    }

    private ScrollPane messages(ImportResult r) {
        List<String> lines = new ArrayList<>();
        r.failures().forEach(f -> lines.add("Failed: " + f));
        r.warnings().forEach(w -> lines.add("Warning: " + w));
        VBox box = new VBox(3);
        box.setId("importMessages");
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            Label l = new Label(line);
            l.setWrapText(true);
            if (line.startsWith("Failed")) {
                l.getStyleClass().add("sheet-problem");
            }
            box.getChildren().add(l);
        }
        if (lines.size() > MAX_LINES) {
            box.getChildren().add(new Label("… and " + (lines.size() - MAX_LINES) + " more"));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(160, 22.0 * lines.size()));
        scroll.getStyleClass().add("sheet-list");
        return scroll;
    }

    private VBox progress(double value, String text) {
        ProgressBar bar = new ProgressBar(value);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label label = new Label(text);
        label.getStyleClass().add("sheet-muted");
        return new VBox(6, label, bar);
    }

    private Button cancel(String text) {
        Button b = new Button(text);
        b.setId("importCancel");
        b.setCancelButton(true);
        b.setOnAction(e -> vm.cancel());
        return b;
    }

    private static HBox buttons(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8);
        box.getChildren().add(spacer);
        box.getChildren().addAll(buttons);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }
}
