package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetFormatException;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.ProfiledDataset;
import dev.cairn.store.drift.SampleColumn;
import dev.cairn.store.profiling.performance.BatchScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Profiles rows as they stream by: infers column types from the first {@link #INFERENCE_ROWS} rows (unless
 * given), keeps running statistics per column and a row reservoir sample (algorithm R). Memory is bounded by
 * the reservoir and the tracked category values, never by the number of rows.
 */
public final class DatasetProfiler {
    /** Rows looked at before column types are decided. */
    static final int INFERENCE_ROWS = 1_000;

    private final String source;
    private final String[] header;
    private final ProfileOptions options;
    private final Map<String, ColumnType> fallbackTypes;
    private final List<String[]> pending = new ArrayList<>();
    private final List<Long> pendingLines = new ArrayList<>();
    private final SplittableRandom random;
    private ColumnAccumulator[] columns;
    private int predictionIndex = -1;
    private int labelIndex = -1;
    private long rows;
    private int sampleSize;
    private final PerformanceAccumulator performance = new PerformanceAccumulator();
    private final int version;
    private BatchScorer scorer;
    private String[] texts;
    private double[] numbers;
    private boolean[] scored;

    /**
     * @param fallbackTypes types used for columns that {@code options} does not type (for a batch: the
     *                      reference's types), before inference
     */
    DatasetProfiler(String source, List<String> header, ProfileOptions options, Map<String, ColumnType> fallbackTypes,
                    long headerLine) {
        this(source, header, options, fallbackTypes, headerLine, 0);
    }

    /** @param version the model version the rows belong to (the version of the prediction column's predictions) */
    DatasetProfiler(String source, List<String> header, ProfileOptions options, Map<String, ColumnType> fallbackTypes,
                    long headerLine, int version) {
        this.version = version;
        this.source = source;
        this.header = header.toArray(new String[0]);
        this.options = options;
        this.fallbackTypes = fallbackTypes;
        this.random = new SplittableRandom(options.seed());
        checkHeader(headerLine);
    }

    private void checkHeader(long line) {
        if (header.length == 0 || (header.length == 1 && header[0].isBlank())) {
            throw new DatasetFormatException(source, line, "the header has no column names");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip();
            if (header[i].isEmpty()) {
                throw new DatasetFormatException(source, line, "column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(header[i])) {
                throw new DatasetFormatException(source, line, "the column name '" + header[i] + "' appears twice");
            }
        }
        List<String> named = new ArrayList<>(Arrays.asList(options.prediction(), options.label(), options.score()));
        named.addAll(options.segments());
        for (String role : named) {
            if (role != null && !seen.contains(role)) {
                throw new DatasetFormatException(source, 0, "there is no column '" + role + "' (columns: "
                        + String.join(", ", header) + ")");
            }
        }
        for (String typed : options.types().keySet()) {
            if (!seen.contains(typed)) {
                throw new DatasetFormatException(source, 0, "a type is given for '" + typed
                        + "' but there is no such column");
            }
        }
    }

    /** Adds one row of cell texts read from {@code line} (1-based). */
    void add(String[] cells, long line) {
        if (cells.length != header.length) {
            if (cells.length == 1 && cells[0].isEmpty()) {
                return;
            }
            throw new DatasetFormatException(source, line, "the row has " + cells.length + " fields but the header has "
                    + header.length);
        }
        if (columns == null) {
            pending.add(cells);
            pendingLines.add(line);
            if (pending.size() >= INFERENCE_ROWS) {
                startColumns();
            }
            return;
        }
        accept(cells, line);
    }

    private void startColumns() {
        columns = new ColumnAccumulator[header.length];
        for (int i = 0; i < header.length; i++) {
            String name = header[i];
            ColumnType type = options.types().get(name);
            if (type == null) {
                type = fallbackTypes.get(name);
            }
            if (type == null) {
                type = TypeInference.infer(pending, i);
            }
            columns[i] = new ColumnAccumulator(name, type, options.roleOf(name), options.reservoirSize());
            if (name.equals(options.prediction())) {
                predictionIndex = i;
            } else if (name.equals(options.label())) {
                labelIndex = i;
            }
        }
        scorer = Scoring.scorer(source, Arrays.asList(header), columns, options, version, predictionIndex, labelIndex);
        texts = new String[header.length];
        numbers = new double[header.length];
        scored = new boolean[header.length];
        for (int i = 0; i < header.length && scorer != null; i++) {
            scored[i] = scorer.uses(i);
        }
        for (int r = 0; r < pending.size(); r++) {
            accept(pending.get(r), pendingLines.get(r));
        }
        pending.clear();
        pendingLines.clear();
    }

    private void accept(String[] cells, long line) {
        int slot;
        if (rows < options.reservoirSize()) {
            slot = (int) rows;
            sampleSize++;
        } else {
            long j = random.nextLong(rows + 1);
            slot = j < options.reservoirSize() ? (int) j : -1;
        }
        rows++;
        double predictionNumber = Double.NaN;
        double labelNumber = Double.NaN;
        String predictionLabel = null;
        String labelLabel = null;
        for (int i = 0; i < columns.length; i++) {
            ColumnAccumulator col = columns[i];
            String text = cells[i];
            if (col.type.isNumeric()) {
                double v = Double.NaN;
                if (!Values.isMissing(text)) {
                    v = col.type == ColumnType.NUMERIC ? Values.parseNumber(text) : Values.parseDateTime(text);
                    if (Double.isNaN(v)) {
                        throw new DatasetFormatException(source, line, "column '" + col.name + "' is " + col.type.label()
                                + " but field " + (i + 1) + " is '" + abbreviate(text) + "'");
                    }
                }
                col.addNumber(v);
                if (scored[i]) {
                    numbers[i] = v;
                    texts[i] = Double.isNaN(v) ? null : Scoring.canonical(v);
                }
                if (slot >= 0) {
                    col.sampleNumbers[slot] = v;
                }
                if (i == predictionIndex) {
                    predictionNumber = v;
                    predictionLabel = Double.isNaN(v) ? null : text;
                } else if (i == labelIndex) {
                    labelNumber = v;
                    labelLabel = Double.isNaN(v) ? null : text;
                }
            } else {
                String v = null;
                if (!Values.isMissing(text)) {
                    if (col.type == ColumnType.BOOLEAN) {
                        v = Values.parseBoolean(text);
                        if (v == null) {
                            throw new DatasetFormatException(source, line, "column '" + col.name + "' is boolean but field "
                                    + (i + 1) + " is '" + abbreviate(text) + "'");
                        }
                    } else {
                        v = text;
                    }
                }
                col.addLabel(v);
                if (scored[i]) {
                    numbers[i] = Double.NaN;
                    texts[i] = v;
                }
                if (slot >= 0) {
                    col.sampleLabels[slot] = v;
                }
                if (i == predictionIndex) {
                    predictionLabel = v;
                } else if (i == labelIndex) {
                    labelLabel = v;
                }
            }
        }
        if (predictionIndex >= 0 && labelIndex >= 0) {
            if (columns[labelIndex].type.isNumeric() && columns[predictionIndex].type.isNumeric()) {
                performance.addRegression(predictionNumber, labelNumber);
            } else {
                performance.addClassification(predictionLabel, labelLabel);
            }
        }
        if (scorer != null) {
            scorer.add(texts, numbers);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The profile and sample of every row added. */
    ProfiledDataset finish(long endLine) {
        if (columns == null) {
            if (pending.isEmpty()) {
                throw new DatasetFormatException(source, endLine, "there are no data rows after the header");
            }
            startColumns();
        }
        List<ColumnProfile> profiles = new ArrayList<>();
        List<SampleColumn> samples = new ArrayList<>();
        for (ColumnAccumulator col : columns) {
            profiles.add(col.profile(sampleSize));
            samples.add(new SampleColumn(col.name, col.type, col.role,
                    col.sampleNumbers == null ? null : Arrays.copyOf(col.sampleNumbers, sampleSize),
                    col.sampleLabels == null ? null : Arrays.copyOf(col.sampleLabels, sampleSize)));
        }
        Optional<DatasetProfile.Performance> perf = predictionIndex >= 0 && labelIndex >= 0
                ? performance.result() : Optional.empty();
        return new ProfiledDataset(rows, sampleSize, profiles, samples, perf,
                Optional.ofNullable(scorer).map(BatchScorer::finish));
    }
}
