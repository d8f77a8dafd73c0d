package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesAxis;
import dev.cairn.store.series.SeriesRange;
import dev.cairn.viewer.common.BackgroundJob;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One metric chart: which lines it shows, what it last asked the store for and the series to plot. It asks for as
 * many buckets as the chart is pixels wide, over the whole series or, when zoomed, over the visible x range only;
 * smoothing, grouping and log filtering are applied to the loaded buckets without asking again. UI thread only.
 */
public final class ChartViewModel {
    /** Buckets asked for before the chart knows its width. */
    static final int DEFAULT_BUCKETS = 600;
    /**
     * Lines read by one background job: a chart of many lines is read in several jobs, which the runner's threads
     * run side by side; a few lines stay one job.
     */
    static final int LINES_PER_READ = 25;

    private final String title;
    private final List<ChartLine> lines;
    private final boolean groupable;
    private final TrackingStore store;
    private final ChartOptions options;
    private final LatestOnly loads;
    private final Map<String, Long> origins = new HashMap<>();

    private final ObjectProperty<List<PlotSeries>> series = new SimpleObjectProperty<>(this, "series", List.of());
    private final ObjectProperty<double[]> visible = new SimpleObjectProperty<>(this, "visible");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", true);
    private final StringProperty error = new SimpleStringProperty(this, "error");

    private List<LineData> loaded = List.of();
    private List<SeriesRequest> lastRequests = List.of();
    private int pixelWidth;
    private int loadCount;

    public ChartViewModel(String title, List<ChartLine> lines, boolean groupable, TrackingStore store,
                          TaskRunner runner, ChartOptions options) {
        this.title = title;
        this.lines = List.copyOf(lines);
        this.groupable = groupable;
        this.store = store;
        this.options = options;
        this.loads = new LatestOnly(runner);
        for (ChartLine l : lines) {
            if (l.run().run().startMs() != null) {
                origins.put(l.runId(), l.run().run().startMs());
            }
        }
    }

    public String title() {
        return title;
    }

    public List<ChartLine> lines() {
        return lines;
    }

    /** The plotted lines (hidden ones included; the view leaves those out). */
    public ReadOnlyObjectProperty<List<PlotSeries>> seriesProperty() {
        return series;
    }

    /** The zoomed x range {from, to} in plot units, or null for the whole series. */
    public ReadOnlyObjectProperty<double[]> visibleRangeProperty() {
        return visible;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The reads of the latest load, one per line. */
    public List<SeriesRequest> lastRequests() {
        return lastRequests;
    }

    /** How many loads were delivered (diagnostics and benchmarks). */
    public int loadCount() {
        return loadCount;
    }

    public int pixelWidth() {
        return pixelWidth;
    }

    /** The chart's plot width in pixels; the first call (and a change of more than 10%) loads. */
    public void setPixelWidth(int width) {
        int w = Math.max(16, width);
        boolean first = pixelWidth == 0;
        boolean changed = Math.abs(w - pixelWidth) > pixelWidth * 0.1;
        if (first || changed) {
            pixelWidth = w;
            load();
        }
    }

    /** Shows x in [from, to] only: asks again for that range, with as many buckets as pixels. */
    public void zoomTo(double from, double to) {
        if (!(to > from)) {
            return;
        }
        visible.set(new double[] {from, to});
        load();
    }

    /** Back to the whole series. */
    public void resetZoom() {
        visible.set(null);
        load();
    }

    /** Asks again for the current range (live updates; zoom is kept). */
    public void refresh() {
        load();
    }

    /** Re-derives the plotted lines from the loaded buckets (smoothing, grouping, log scale changed). */
    public void rebuild() {
        series.set(plot(loaded));
    }

    private void load() {
        int buckets = pixelWidth > 0 ? pixelWidth : DEFAULT_BUCKETS;
        XAxisMode mode = options.xAxisProperty().get();
        double[] range = visible.get();
        List<SeriesRequest> requests = new ArrayList<>();
        for (ChartLine line : lines) {
            requests.add(new SeriesRequest(line.runId(), line.metricKey(), storeRange(line, mode, range), buckets));
        }
        Map<String, Long> knownOrigins = Map.copyOf(origins);
        loading.set(true);
        List<BackgroundJob<List<LineData>>> parts = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += LINES_PER_READ) {
            int first = from;
            List<SeriesRequest> part = requests.subList(from, Math.min(requests.size(), from + LINES_PER_READ));
            parts.add(progress -> read(part, first, mode, knownOrigins));
        }
        loads.submitAll(null, parts, results -> {
            List<LineData> result = new ArrayList<>(requests.size());
            results.forEach(result::addAll);
            lastRequests = List.copyOf(requests);
            loaded = result;
            loadCount++;
            loading.set(false);
            error.set(null);
            rebuild();
        }, failure -> {
            loading.set(false);
            error.set(UserMessages.of(failure));
        });
    }

    private SeriesRange storeRange(ChartLine line, XAxisMode mode, double[] range) {
        if (range == null) {
            return mode == XAxisMode.STEP ? SeriesRange.all()
                    : new SeriesRange(SeriesAxis.TIME, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return switch (mode) {
            case STEP -> SeriesRange.steps((long) Math.floor(range[0]), (long) Math.ceil(range[1]));
            case WALL_TIME -> SeriesRange.time((long) Math.floor(range[0] * 1000), (long) Math.ceil(range[1] * 1000));
            case RELATIVE_TIME -> {
                long origin = origins.getOrDefault(line.runId(), 0L);
                yield SeriesRange.time(origin + (long) Math.floor(range[0] * 1000),
                        origin + (long) Math.ceil(range[1] * 1000));
            }
        };
    }

    /** Runs on a worker thread: the requests of lines {@code first}, {@code first + 1}, ... */
    private List<LineData> read(List<SeriesRequest> requests, int first, XAxisMode mode,
                                Map<String, Long> knownOrigins) {
        List<LineData> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            SeriesRequest r = requests.get(i);
            BucketedSeries b = store.metrics().downsample(r.runId(), r.metricKey(), r.range(), r.buckets());
            int n = b.size();
            double[] x = new double[n];
            long origin = knownOrigins.getOrDefault(r.runId(), n > 0 ? b.lastTimestamp()[0] : 0L);
            for (int k = 0; k < n; k++) {
                x[k] = switch (mode) {
                    case STEP -> b.lastStep()[k];
                    case WALL_TIME -> b.lastTimestamp()[k] / 1000.0;
                    case RELATIVE_TIME -> (b.lastTimestamp()[k] - origin) / 1000.0;
                };
            }
            out.add(new LineData(lines.get(first + i), x, b.last(), b.min(), b.max()));
        }
        return out;
    }

    private List<PlotSeries> plot(List<LineData> data) {
        GroupBy groupBy = groupable ? options.groupByProperty().get() : null;
        List<PlotSeries> raw = new ArrayList<>();
        if (groupBy != null) {
            raw.addAll(GroupAggregator.aggregate(data, groupBy, pixelWidth > 0 ? pixelWidth : DEFAULT_BUCKETS));
        } else {
            for (LineData d : data) {
                raw.add(new PlotSeries(d.line().colorKey(), d.line().label(), d.line().colorKey(), 1, d.x(),
                        d.last(), d.min(), d.max(), d.last()));
            }
        }
        boolean log = options.yScaleProperty().get() == YScale.LOG;
        double weight = options.smoothingWeight();
        List<PlotSeries> out = new ArrayList<>(raw.size());
        for (PlotSeries s : raw) {
            PlotSeries p = log ? positiveOnly(s) : s;
            out.add(new PlotSeries(p.id(), p.label(), p.colorKey(), p.runCount(), p.x(), p.y(), p.min(), p.max(),
                    Ema.smooth(p.y(), weight)));
        }
        return List.copyOf(out);
    }

    private static PlotSeries positiveOnly(PlotSeries s) {
        int n = 0;
        for (double v : s.y()) {
            n += v > 0 ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int j = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.y()[i] > 0) {
                x[j] = s.x()[i];
                y[j] = s.y()[i];
                lo[j] = s.min()[i] > 0 ? s.min()[i] : s.y()[i];
                hi[j] = s.max()[i];
                j++;
            }
        }
        return new PlotSeries(s.id(), s.label(), s.colorKey(), s.runCount(), x, y, lo, hi, y);
    }

    /** The y range ignoring outliers of the shown lines, or null for automatic ranging. */
    public double[] yRange() {
        if (!options.ignoreOutliersProperty().get()) {
            return null;
        }
        List<double[]> ys = new ArrayList<>();
        for (PlotSeries s : series.get()) {
            if (!options.hidden().contains(s.id())) {
                ys.add(options.smoothingWeight() > 0 ? s.smoothed() : s.y());
            }
        }
        return OutlierRange.of(ys);
    }

    /** Every shown line's plotted value at or before {@code x}, for the crosshair tooltip. */
    public List<Readout> valuesAt(double x) {
        List<Readout> out = new ArrayList<>();
        boolean smoothed = options.smoothingWeight() > 0;
        for (PlotSeries s : series.get()) {
            if (options.hidden().contains(s.id())) {
                continue;
            }
            int i = s.indexAtOrBefore(x);
            if (i >= 0) {
                out.add(new Readout(s.label(), s.colorKey(), s.x()[i], smoothed ? s.smoothed()[i] : s.y()[i]));
            }
        }
        return out;
    }

    /** The x under the crosshair as the axis reads: "step 6" (an integer), a date and time, or seconds since start. */
    public String xText(double x) {
        return switch (options.xAxisProperty().get()) {
            case STEP -> "step " + Formats.count(Math.round(x));
            case WALL_TIME -> Formats.dateTime(Math.round(x * 1000));
            case RELATIVE_TIME -> Formats.duration(Math.round(x * 1000)) + " since start";
        };
    }

    /**
     * The crosshair readout at {@code x}: the x (see {@link #xText}) then one line per shown series, "label: value"
     * with 5 significant digits; null when no series has a point at or before {@code x}.
     */
    public String readoutText(double x) {
        List<Readout> values = valuesAt(x);
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(xText(x));
        for (Readout r : values) {
            text.append('\n').append(r.label()).append(": ").append(Formats.number(r.y()));
        }
        return text.toString();
    }

    /** The plotted points as CSV: chart, line, x, value, min, max, smoothed. */
    public void writePlottedCsv(Writer out) throws IOException {
        out.write("chart,line,runs,x,value,min,max,smoothed\n");
        for (PlotSeries s : series.get()) {
            for (int i = 0; i < s.size(); i++) {
                out.write(csv(title) + "," + csv(s.label()) + "," + s.runCount() + "," + num(s.x()[i]) + ","
                        + num(s.y()[i]) + "," + num(s.min()[i]) + "," + num(s.max()[i]) + ","
                        + num(s.smoothed()[i]) + "\n");
            }
        }
    }

    /** Every raw point of the chart's lines in the visible range (reads the store; call off the UI thread). */
    public void writeRawCsv(Writer out) throws IOException {
        out.write("run_id,run_name,metric,step,timestamp_ms,value\n");
        for (SeriesRequest r : lastRequests) {
            ChartLine line = lines.stream().filter(l -> l.runId().equals(r.runId())
                    && l.metricKey().equals(r.metricKey())).findFirst().orElseThrow();
            MetricSeries m = store.metrics().read(r.runId(), r.metricKey(), r.range());
            String prefix = r.runId() + "," + csv(line.run().run().name()) + "," + csv(r.metricKey()) + ",";
            for (int i = 0; i < m.size(); i++) {
                out.write(prefix + m.steps()[i] + "," + m.timestamps()[i] + "," + num(m.values()[i]) + "\n");
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** "3 lines · 1,200 points" for the chart's status line. */
    public String summary() {
        long points = series.get().stream().mapToLong(PlotSeries::size).sum();
        return String.format(Locale.ROOT, "%d lines · %s points", series.get().size(), Formats.count(points));
    }
}
