package dev.cairn.viewer.hparams;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.nio.IntBuffer;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel coordinates on a canvas (ChartFX has no such chart): one vertical axis per chosen param plus the
 * target, one line per run coloured by the target (legend on the right). Drag along an axis to brush a range
 * (a click clears it), drag an axis title sideways to reorder, right-click a title for scale/flip/hide, hover to
 * see the run, click a line to select the run. Lines are drawn into a pixel buffer by
 * {@link ParallelCoordinatesRenderer}: the dimmed runs once, then only the kept runs on each brush update.
 */
final class ParallelCoordinatesChart extends Pane {
    private static final double AXIS_SLACK = 12;
    private static final double DRAG_THRESHOLD = 3;

    private final HparamsViewModel vm;
    private final ThemeColors theme = new ThemeColors();
    private final ImageView lines = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Label readout = new Label();
    /** While an axis is being brushed, lines are drawn at this share of the resolution (a quarter of the pixels). */
    static final double DRAFT_SCALE = 0.5;
    private ParallelCoordinatesRenderer renderer;
    private ParallelCoordinatesRenderer draftRenderer;
    /** The images showing the renderers' pixel buffers without a copy, one per buffer. */
    private final Map<LineRaster, RasterImage> images = new IdentityHashMap<>();
    private boolean draft;
    private PlotGeometry geometry;
    private double[] fractions = new double[0];
    private double targetLo;
    private double targetHi;
    private double targetMedian;
    private int hovered = -1;
    private int pressedAxis = -1;
    private double pressX;
    private double pressY;
    private boolean draggingAxis;
    private boolean brushing;
    private double dragX;

    ParallelCoordinatesChart(HparamsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("hparams-plot");
        readout.getStyleClass().add("hparams-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        lines.setMouseTransparent(true);
        getChildren().addAll(lines, overlay, readout);
        theme.attachTo(this);
        setMinSize(300, 200);
        vm.axesProperty().addListener((o, a, b) -> rebuild());
        vm.keptProperty().addListener((o, a, b) -> redrawLines());
        overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        overlay.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        overlay.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        overlay.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, 0, 0));
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        if (geometry == null || geometry.width() != w || geometry.height() != h) {
            overlay.setWidth(w);
            overlay.setHeight(h);
            rebuild();
        }
    }

    /** New axes, table or size: new renderer, everything redrawn. */
    void rebuild() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        List<PlotAxis> axes = vm.axesProperty().get();
        SweepTable table = vm.tableProperty().get();
        if (w <= 0 || h <= 0 || table == null || axes.isEmpty()) {
            geometry = w > 0 && h > 0 ? PlotGeometry.of(w, h) : null;
            renderer = null;
            images.clear();
            lines.setImage(null);
            drawOverlay();
            return;
        }
        geometry = PlotGeometry.of(w, h);
        ParamColumn target = table.targetColumn();
        double[] range = target.range();
        targetLo = range[0];
        targetHi = range[1];
        fractions = ColorScale.rankFractions(target, table.target().goal());
        targetMedian = median(target);
        Color muted = theme.muted();
        renderer = new ParallelCoordinatesRenderer(axes, geometry, fractions,
                ColorScale.argbPremultiplied(muted, theme.dark() ? 0.10 : 0.07),
                ColorScale.argbPremultiplied(muted, 0.5));
        renderer.prepareDimmed();
        renderer.draw(allRows(fractions.length));
        lines.setFitWidth(w);
        lines.setFitHeight(h);
        PlotGeometry small = geometry.scaled(DRAFT_SCALE);
        draftRenderer = new ParallelCoordinatesRenderer(axes, small, fractions,
                ColorScale.argbPremultiplied(muted, theme.dark() ? 0.10 : 0.07),
                ColorScale.argbPremultiplied(muted, 0.5));
        images.clear();
        hovered = -1;
        redrawLines();
    }

    /**
     * Kept runs changed: redraw only the highlighted lines over the cached dimmed layer; while brushing, into the
     * half-resolution draft (scaled up), at full resolution once the mouse is released.
     */
    void redrawLines() {
        if (renderer == null) {
            drawOverlay();
            return;
        }
        boolean small = draft && draftRenderer != null;
        ParallelCoordinatesRenderer r = small ? draftRenderer : renderer;
        BitSet kept = vm.keptProperty().get();
        RasterImage target = images.computeIfAbsent(r.rasterFor(kept), RasterImage::new);
        target.redraw(() -> r.draw(kept));
        if (lines.getImage() != target.image) {
            lines.setImage(target.image);
        }
        drawOverlay();
    }

    /** Draws lines at reduced resolution ({@code true}, while brushing) or at full resolution again. */
    void setDraft(boolean on) {
        if (draft != on) {
            draft = on;
            redrawLines();
        }
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        List<PlotAxis> axes = vm.axesProperty().get();
        if (geometry == null || axes.isEmpty() || vm.tableProperty().get() == null) {
            return;
        }
        Color fg = theme.foreground();
        Color muted = theme.muted();
        Color accent = theme.accent();
        g.setFont(Font.font(11));
        int count = axes.size();
        for (int a = 0; a < count; a++) {
            PlotAxis axis = axes.get(a);
            double x = geometry.axisX(a, count);
            if (draggingAxis && a == pressedAxis) {
                continue;
            }
            drawAxis(g, axis, x, staggered(a, count), fg, muted, accent);
        }
        if (draggingAxis && pressedAxis >= 0) {
            g.setGlobalAlpha(0.7);
            drawAxis(g, axes.get(pressedAxis), dragX, false, accent, accent, accent);
            g.setGlobalAlpha(1);
        }
        if (hovered >= 0) {
            g.setStroke(fg);
            g.setLineWidth(2);
            g.beginPath();
            for (int a = 0; a < count; a++) {
                double x = geometry.axisX(a, count);
                double y = geometry.y(axes.get(a).positions()[hovered]);
                if (a == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        drawLegend(g, fg, muted);
    }

    /** Titles alternate between two rows when axes are too close for them to sit side by side. */
    private boolean staggered(int index, int count) {
        return count > 1 && geometry.axisX(1, count) - geometry.axisX(0, count) < 110 && index % 2 == 1;
    }

    private void drawAxis(GraphicsContext g, PlotAxis axis, double x, boolean raised, Color fg, Color muted,
                          Color accent) {
        double top = geometry.y(1);
        double bottom = geometry.y(0);
        Color halo = theme.background().deriveColor(0, 1, 1, 0.85);
        g.setStroke(fg);
        g.setLineWidth(1);
        g.strokeLine(x + 0.5, top, x + 0.5, bottom);
        g.setFill(fg);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String title = axis.label() + (axis.mapping().scale() == AxisScale.LOG ? " (log)" : "")
                + (axis.mapping().flipped() ? " ↕" : "");
        g.fillText(shorten(title, 22), x, top - (raised ? 26 : 10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(muted);
        List<AxisTick> ticks = axis.mapping().ticks(5);
        int every = Math.max(1, (int) Math.ceil(ticks.size() / Math.max(1.0, (bottom - top) / 14)));
        for (int t = 0; t < ticks.size(); t += every) {
            AxisTick tick = ticks.get(t);
            double y = geometry.y(tick.position());
            g.strokeLine(x - 3, y, x + 0.5, y);
            String label = shorten(tick.label(), 12);
            // a halo in the background colour, so lines crossing the label do not run through its letters
            g.setStroke(halo);
            g.setLineWidth(3);
            g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
            g.strokeText(label, x - 5, y);
            g.setStroke(fg);
            g.setLineWidth(1);
            g.fillText(label, x - 5, y);
        }
        Brush brush = vm.brushesProperty().get().byAxis().get(axis.key());
        if (brush != null) {
            double y0 = geometry.y(brush.hi());
            double y1 = geometry.y(brush.lo());
            g.setFill(accent.deriveColor(0, 1, 1, 0.25));
            g.fillRect(x - 7, y0, 14, y1 - y0);
            g.setStroke(accent);
            g.setLineWidth(1.5);
            g.strokeRect(x - 7, y0, 14, y1 - y0);
        }
    }

    private void drawLegend(GraphicsContext g, Color fg, Color muted) {
        SweepTable table = vm.tableProperty().get();
        double x = geometry.width() - 40;
        double top = geometry.y(1);
        double bottom = geometry.y(0);
        Stop[] stops = new Stop[11];
        for (int i = 0; i <= 10; i++) {
            stops[i] = new Stop(i / 10.0, ColorScale.color(1 - i / 10.0));
        }
        g.setFill(new LinearGradient(0, top, 0, bottom, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(x, top, 12, bottom - top);
        g.setStroke(muted);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, top + 0.5, 11, bottom - top - 1);
        g.setFill(fg);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        boolean max = table.target().goal() == Goal.MAXIMISE;
        if (!Double.isNaN(targetLo)) {
            g.fillText(dev.cairn.viewer.common.Formats.number(max ? targetHi : targetLo), x - 4, top + 6);
            g.fillText(dev.cairn.viewer.common.Formats.number(max ? targetLo : targetHi), x - 4, bottom - 6);
        }
        if (!Double.isNaN(targetMedian)) {
            g.fillText(dev.cairn.viewer.common.Formats.number(targetMedian), x - 4, (top + bottom) / 2);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("best", x + 6, top - 2);
        g.setTextBaseline(VPos.TOP);
        g.fillText("worst", x + 6, bottom + 2);
    }

    /** A raster shown as an image through a {@link PixelBuffer} over its pixels: nothing is copied. */
    private static final class RasterImage {
        private final PixelBuffer<IntBuffer> buffer;
        private final WritableImage image;

        RasterImage(LineRaster raster) {
            buffer = new PixelBuffer<>(raster.width(), raster.height(), IntBuffer.wrap(raster.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }

        /** Redraws the raster's pixels the way the buffer's contract asks (inside its update) and shows them. */
        void redraw(Runnable draw) {
            buffer.updateBuffer(b -> {
                draw.run();
                return null;
            });
        }
    }

    private static BitSet allRows(int n) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        return all;
    }

    private static double median(ParamColumn column) {
        double[] present = java.util.stream.IntStream.range(0, column.size()).filter(i -> !column.isMissing(i))
                .mapToDouble(column::number).sorted().toArray();
        return present.length == 0 ? Double.NaN : present[present.length / 2];
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ---- mouse ----

    private void pressed(MouseEvent e) {
        List<PlotAxis> axes = vm.axesProperty().get();
        if (geometry == null || axes.isEmpty()) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        pressedAxis = geometry.axisNear(e.getX(), axes.size(), AXIS_SLACK);
        if (e.getButton() == MouseButton.SECONDARY && pressedAxis >= 0) {
            axisMenu(axes.get(pressedAxis)).show(overlay, e.getScreenX(), e.getScreenY());
            pressedAxis = -1;
        }
        draggingAxis = false;
        brushing = false;
    }

    private void dragged(MouseEvent e) {
        if (pressedAxis < 0 || geometry == null) {
            return;
        }
        List<PlotAxis> axes = vm.axesProperty().get();
        boolean onTitle = pressY < geometry.y(1) - 4;
        if (onTitle) {
            if (Math.abs(e.getX() - pressX) >= DRAG_THRESHOLD && !axes.get(pressedAxis).isTarget()) {
                draggingAxis = true;
                dragX = e.getX();
                drawOverlay();
            }
            return;
        }
        if (Math.abs(e.getY() - pressY) >= DRAG_THRESHOLD) {
            brushing = true;
            draft = true;
            vm.brush(axes.get(pressedAxis).key(),
                    new Brush(geometry.positionAt(pressY), geometry.positionAt(e.getY())));
        }
    }

    private void released(MouseEvent e) {
        List<PlotAxis> axes = vm.axesProperty().get();
        if (pressedAxis >= 0 && e.getButton() == MouseButton.PRIMARY) {
            PlotAxis axis = axes.get(pressedAxis);
            if (draggingAxis) {
                int params = (int) axes.stream().filter(a -> !a.isTarget()).count();
                int to = 0;
                for (int a = 0; a < params; a++) {
                    if (geometry.axisX(a, axes.size()) < e.getX()) {
                        to = a;
                    }
                }
                draggingAxis = false;
                vm.moveAxis(pressedAxis, to);
            } else if (!brushing && pressY >= geometry.y(1) - 4) {
                vm.clearBrush(axis.key());
            }
        } else if (pressedAxis < 0 && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && hovered >= 0) {
            vm.selectRun(vm.tableProperty().get().runIds().get(hovered));
        }
        pressedAxis = -1;
        brushing = false;
        draggingAxis = false;
        if (draft) {
            setDraft(false);
        } else {
            drawOverlay();
        }
    }

    private void moved(MouseEvent e) {
        if (renderer == null) {
            return;
        }
        int run = renderer.runNear(e.getX(), e.getY(), vm.keptProperty().get(), 5);
        hover(run, e.getX(), e.getY());
    }

    private void hover(int run, double x, double y) {
        if (run == hovered) {
            if (run >= 0) {
                placeReadout(x, y);
            }
            return;
        }
        hovered = run;
        SweepTable table = vm.tableProperty().get();
        if (run < 0 || table == null) {
            readout.setVisible(false);
        } else {
            StringBuilder text = new StringBuilder(table.runNames().get(run)).append('\n')
                    .append(table.target().label()).append(" = ").append(table.targetColumn().text(run));
            for (PlotAxis a : vm.axesProperty().get()) {
                if (!a.isTarget()) {
                    text.append('\n').append(a.label()).append(" = ").append(a.mapping().column().text(run));
                }
            }
            readout.setText(text.toString());
            readout.setVisible(true);
            placeReadout(x, y);
        }
        drawOverlay();
    }

    private void placeReadout(double x, double y) {
        readout.autosize();
        double rx = x + 14 + readout.getWidth() > getWidth() ? x - 14 - readout.getWidth() : x + 14;
        double ry = Math.min(Math.max(0, y + 10), Math.max(0, getHeight() - readout.getHeight()));
        readout.relocate(rx, ry);
    }

    private ContextMenu axisMenu(PlotAxis axis) {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem linear = new RadioMenuItem("Linear scale");
        RadioMenuItem log = new RadioMenuItem("Log scale");
        linear.setToggleGroup(group);
        log.setToggleGroup(group);
        (axis.mapping().scale() == AxisScale.LOG ? log : linear).setSelected(true);
        boolean numeric = axis.mapping().column().isNumeric();
        linear.setDisable(!numeric);
        log.setDisable(!numeric);
        linear.setOnAction(e -> vm.setScale(axis.key(), AxisScale.LINEAR));
        log.setOnAction(e -> vm.setScale(axis.key(), AxisScale.LOG));
        CheckMenuItem flip = new CheckMenuItem("Flip");
        flip.setSelected(axis.mapping().flipped());
        flip.setOnAction(e -> vm.setFlipped(axis.key(), flip.isSelected()));
        MenuItem clear = new MenuItem("Clear brush");
        clear.setOnAction(e -> vm.clearBrush(axis.key()));
        MenuItem hide = new MenuItem("Hide axis");
        hide.setDisable(axis.isTarget());
        hide.setOnAction(e -> vm.setParamShown(axis.key(), false));
        return new ContextMenu(linear, log, flip, new SeparatorMenuItem(), clear, hide);
    }

    /** The run under the mouse (row index), -1 when none; for tests. */
    int hoveredRow() {
        return hovered;
    }

    /** Pixel position of an axis and an axis position, for tests. */
    double[] pointOf(int axis, double position) {
        return new double[] {geometry.axisX(axis, vm.axesProperty().get().size()), geometry.y(position)};
    }

    /** The line pixels shown now (premultiplied ARGB, row by row), for tests. */
    int[] shownLinePixelsForTests() {
        javafx.scene.image.Image shown = lines.getImage();
        int w = (int) shown.getWidth();
        int h = (int) shown.getHeight();
        int[] pixels = new int[w * h];
        shown.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
        return pixels;
    }

    /** The line pixels for the kept runs drawn from scratch the plain way, for tests. */
    int[] linePixelsFromScratchForTests() {
        return renderer.drawFromScratch(vm.keptProperty().get()).pixels();
    }

    BitSet keptForTests() {
        return vm.keptProperty().get();
    }
}
