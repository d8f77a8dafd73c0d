package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DriftReport;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Columns × batches, each cell coloured by the column's drift score normalised to its threshold
 * ({@link DriftReport.Column#severity()}: pale below, amber at, red above the threshold; grey when untested).
 * Drawn on one {@link Canvas}: ChartFX's heatmap renderer wants a numeric grid and axes, while this map has a
 * categorical row axis, per-cell hit testing and a selection outline, and thousands of cells draw in
 * milliseconds as plain rectangles. Clicking a cell reports (column, batch index).
 */
public final class DriftHeatmap extends Region {
    static final double LABEL_WIDTH = 130;
    static final double ROW_HEIGHT = 22;
    static final double HEADER_HEIGHT = 18;
    private final Canvas canvas = new Canvas();
    private DriftReport report;
    private List<String> columns = List.of();
    private String selectedColumn;
    private int selectedBatch = -1;
    private BiConsumer<String, Integer> onSelect = (c, b) -> { };

    public DriftHeatmap() {
        getChildren().add(canvas);
        getStyleClass().add("drift-heatmap");
        setId("drift-heatmap");
        setMinHeight(HEADER_HEIGHT + ROW_HEIGHT * 2);
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null) {
                onSelect.accept(columns.get(cell[0]), cell[1]);
            }
        });
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    /** Called with (column, batch index) when a cell is clicked. */
    public void setOnSelect(BiConsumer<String, Integer> handler) {
        onSelect = handler;
    }

    /** Shows a report; {@code columnNames} fixes the row order. */
    public void setReport(DriftReport newReport, List<String> columnNames) {
        report = newReport;
        columns = columnNames == null ? List.of() : List.copyOf(columnNames);
        setPrefHeight(HEADER_HEIGHT + ROW_HEIGHT * Math.max(2, columns.size()) + 4);
        draw();
    }

    /** Outlines one cell (or none with null / -1). */
    public void setSelection(String column, int batch) {
        selectedColumn = column;
        selectedBatch = batch;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The width of one batch column at the current size. */
    double cellWidth() {
        int n = report == null ? 0 : report.batches().size();
        return n == 0 ? 0 : Math.max(1, (getWidth() - LABEL_WIDTH) / n);
    }

    /** (row, batch) under a point, or null. */
    int[] cellAt(double x, double y) {
        if (report == null || x < LABEL_WIDTH || y < HEADER_HEIGHT) {
            return null;
        }
        int row = (int) ((y - HEADER_HEIGHT) / ROW_HEIGHT);
        int batch = (int) ((x - LABEL_WIDTH) / cellWidth());
        if (row >= columns.size() || batch >= report.batches().size()) {
            return null;
        }
        return new int[] {row, batch};
    }

    /** The centre of a cell in this node's coordinates (for tests and keyboard focus). */
    public javafx.geometry.Point2D cellCenter(String column, int batch) {
        int row = columns.indexOf(column);
        return new javafx.geometry.Point2D(LABEL_WIDTH + (batch + 0.5) * cellWidth(),
                HEADER_HEIGHT + (row + 0.5) * ROW_HEIGHT);
    }

    /** Redraws everything. */
    public void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (report == null || columns.isEmpty()) {
            return;
        }
        int batches = report.batches().size();
        double cw = cellWidth();
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Color text = Color.gray(0.45);
        for (int r = 0; r < columns.size(); r++) {
            g.setFill(text);
            g.fillText(columns.get(r), 4, HEADER_HEIGHT + (r + 0.5) * ROW_HEIGHT, LABEL_WIDTH - 8);
        }
        int labelEvery = Math.max(1, (int) Math.ceil(70 / Math.max(cw, 1)));
        for (int b = 0; b < batches; b += labelEvery) {
            g.setFill(text);
            g.fillText(report.batches().get(b).time().toString().substring(5, 10), LABEL_WIDTH + b * cw,
                    HEADER_HEIGHT / 2);
        }
        double gap = cw >= 6 ? 1 : 0;
        for (int b = 0; b < batches; b++) {
            DriftReport.Batch batch = report.batches().get(b);
            List<DriftReport.Column> results = batch.columns();
            for (int r = 0; r < columns.size(); r++) {
                DriftReport.Column c = r < results.size() && results.get(r).name().equals(columns.get(r))
                        ? results.get(r) : batch.column(columns.get(r)).orElse(null);
                g.setFill(colour(c));
                g.fillRect(LABEL_WIDTH + b * cw, HEADER_HEIGHT + r * ROW_HEIGHT, cw - gap, ROW_HEIGHT - 1);
            }
        }
        int row = selectedColumn == null ? -1 : columns.indexOf(selectedColumn);
        if (row >= 0 && selectedBatch >= 0 && selectedBatch < batches) {
            g.setStroke(Color.web("#1f6feb"));
            g.setLineWidth(2);
            g.strokeRect(LABEL_WIDTH + selectedBatch * cw + 1, HEADER_HEIGHT + row * ROW_HEIGHT + 1,
                    Math.max(2, cw - 2), ROW_HEIGHT - 3);
        }
    }

    /** Pale green at 0, amber at the threshold (severity 1), deep red from three times the threshold. */
    static Color colour(DriftReport.Column c) {
        if (c == null || c.test() == null) {
            return Color.gray(0.8);
        }
        double s = c.severity();
        if (s < 1) {
            return Color.web("#e3f1df").interpolate(Color.web("#f2c14e"), s);
        }
        return Color.web("#f08a3c").interpolate(Color.web("#b3261e"), Math.min(1, (s - 1) / 2));
    }
}
