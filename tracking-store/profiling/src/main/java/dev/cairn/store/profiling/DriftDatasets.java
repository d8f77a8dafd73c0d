package dev.cairn.store.profiling;

import dev.cairn.store.DriftData;
import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetFormatException;
import dev.cairn.store.drift.DatasetKind;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.model.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Profiles datasets for data drift and stores them through the store's {@link DriftData}: CSV files and readers
 * are streamed (never loaded whole) and profiled before anything is written, so a malformed file stores nothing;
 * rows given through the Java API go through a {@link DatasetWriter}. A batch takes its column types and roles
 * from the version's reference unless the options say otherwise.
 *
 * <pre>{@code
 * DriftDatasets datasets = new DriftDatasets(store.drift());
 * datasets.setReference("churn", 1, Path.of("train.csv"), ProfileOptions.defaults().withLabel("churned"));
 * datasets.addBatch("churn", 1, Instant.parse("2026-03-01T00:00:00Z"), Path.of("day1.csv"),
 *         ProfileOptions.defaults());
 * }</pre>
 */
public final class DriftDatasets {
    private final DriftData drift;

    public DriftDatasets(DriftData drift) {
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    /** Profiles {@code csv} and stores it as the reference of {@code model} version {@code version}. */
    public DatasetProfile setReference(String model, int version, Path csv, ProfileOptions options) {
        return fromFile(model, version, DatasetKind.REFERENCE, null, csv, options);
    }

    /** Profiles {@code csv} and stores it as a batch at {@code time}. */
    public DatasetProfile addBatch(String model, int version, Instant time, Path csv, ProfileOptions options) {
        return fromFile(model, version, DatasetKind.BATCH, Objects.requireNonNull(time, "time"), csv, options);
    }

    /** Like {@link #setReference(String, int, Path, ProfileOptions)} from a reader; {@code source} names it. */
    public DatasetProfile setReference(String model, int version, String source, Reader csv, ProfileOptions options) {
        return fromReader(model, version, DatasetKind.REFERENCE, null, source, csv, options);
    }

    /** Like {@link #addBatch(String, int, Instant, Path, ProfileOptions)} from a reader. */
    public DatasetProfile addBatch(String model, int version, Instant time, String source, Reader csv,
                                   ProfileOptions options) {
        return fromReader(model, version, DatasetKind.BATCH, Objects.requireNonNull(time, "time"), source, csv, options);
    }

    /** A writer for the reference rows of a version, given through the Java API. */
    public DatasetWriter referenceWriter(String model, int version, List<String> columns, ProfileOptions options) {
        return writer(model, version, DatasetKind.REFERENCE, null, columns, options);
    }

    /** A writer for a batch's rows, given through the Java API. */
    public DatasetWriter batchWriter(String model, int version, Instant time, List<String> columns,
                                     ProfileOptions options) {
        return writer(model, version, DatasetKind.BATCH, Objects.requireNonNull(time, "time"), columns, options);
    }

    private DatasetProfile fromFile(String model, int version, DatasetKind kind, Instant time, Path csv,
                                    ProfileOptions options) {
        String source = csv.getFileName().toString();
        try (InputStream in = Files.newInputStream(csv);
             CsvRecordReader records = new CsvRecordReader(in, source)) {
            return profile(model, version, kind, time, source, records, options);
        } catch (NoSuchFileException e) {
            throw new StoreException("There is no file " + csv + ".");
        } catch (IOException e) {
            throw new StoreException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private DatasetProfile fromReader(String model, int version, DatasetKind kind, Instant time, String source,
                                      Reader reader, ProfileOptions options) {
        try (CsvRecordReader records = new CsvRecordReader(reader, source)) {
            return profile(model, version, kind, time, source, records, options);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private DatasetProfile profile(String model, int version, DatasetKind kind, Instant time, String source,
                                   CsvRecordReader csv, ProfileOptions options) throws IOException {
        Map<String, ColumnType> fallback = checkTarget(model, version, kind);
        String[] header = csv.next();
        if (header == null) {
            throw new DatasetFormatException(source, 1, "the file is empty (a header line is required)");
        }
        ProfileOptions effective = withReferenceRoles(model, version, kind, options, Arrays.asList(header));
        DatasetProfiler profiler = new DatasetProfiler(source, Arrays.asList(header), effective, fallback, 1, version);
        String[] cells;
        while ((cells = csv.next()) != null) {
            profiler.add(cells, csv.recordLine());
        }
        return drift.save(model, version, kind, time, source, profiler.finish(csv.recordLine() + 1));
    }

    private DatasetWriter writer(String model, int version, DatasetKind kind, Instant time, List<String> columns,
                                 ProfileOptions options) {
        Map<String, ColumnType> fallback = checkTarget(model, version, kind);
        ProfileOptions effective = withReferenceRoles(model, version, kind, options, columns);
        DatasetProfiler profiler = new DatasetProfiler("rows", columns, effective, fallback, 0, version);
        return new DatasetWriter(columns, profiler, data -> drift.save(model, version, kind, time, "rows", data));
    }

    /** Checks the model version exists; for a batch returns the reference's column types. */
    private Map<String, ColumnType> checkTarget(String model, int version, DatasetKind kind) {
        drift.reference(model, version);
        Map<String, ColumnType> types = new HashMap<>();
        if (kind == DatasetKind.BATCH) {
            drift.reference(model, version).ifPresent(r -> r.columns().forEach(col -> types.put(col.name(), col.type())));
        }
        return types;
    }

    /**
     * A batch given no prediction or label takes the reference's (and then the reference's score with its
     * prediction), when the batch has those columns; a challenger's {@code @N} columns are never taken for the
     * version's own.
     */
    private ProfileOptions withReferenceRoles(String model, int version, DatasetKind kind, ProfileOptions options,
                                              List<String> columns) {
        if (kind != DatasetKind.BATCH || (options.prediction() != null && options.label() != null)) {
            return options;
        }
        Optional<DatasetProfile> ref = drift.reference(model, version);
        ProfileOptions out = options;
        String refPrediction = null;
        String refScore = null;
        if (ref.isPresent()) {
            for (ColumnProfile col : ref.get().columns()) {
                if (!columns.contains(col.name()) || Scoring.isVersioned(col.name())) {
                    continue;
                }
                if (col.role() == ColumnRole.PREDICTION) {
                    refPrediction = refPrediction == null ? col.name() : refPrediction;
                    if (out.prediction() == null) {
                        out = out.withPrediction(col.name());
                    }
                } else if (col.role() == ColumnRole.LABEL && out.label() == null) {
                    out = out.withLabel(col.name());
                } else if (col.role() == ColumnRole.SCORE && refScore == null) {
                    refScore = col.name();
                }
            }
        }
        if (out.score() == null && refScore != null && refPrediction != null && refPrediction.equals(out.prediction())
                && !refScore.equals(out.label())) {
            out = out.withScore(refScore);
        }
        return out;
    }
}
