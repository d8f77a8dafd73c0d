package dev.cairn.store.drift;

import dev.cairn.store.NotFoundException;
import dev.cairn.store.StoreException;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Data-drift inputs of registered model versions: one reference dataset per version and any number of batches
 * with a time, each stored as row count, per-column profiles and a bounded reservoir sample. Computing drift from
 * them is done one level up (the drift-test plugins), see {@code dev.cairn.plugin.drift.DriftReporter}.
 *
 * <pre>{@code
 * store.drift().setReference("churn", 1, Path.of("train.csv"), ProfileOptions.defaults().withLabel("churned"));
 * store.drift().addBatch("churn", 1, Instant.parse("2026-03-01T00:00:00Z"), Path.of("day1.csv"),
 *         ProfileOptions.defaults());
 * }</pre>
 *
 * A CSV is streamed (never loaded whole) and profiled before anything is written; a malformed file stores
 * nothing. A batch takes its column types and roles from the version's reference unless the options say
 * otherwise. Adding a batch at a time that already has one replaces it (re-running a daily job is harmless);
 * setting the reference again replaces it.
 */
public final class DriftData {
    private static final Logger LOG = LoggerFactory.getLogger(DriftData.class);

    private final TrackingStore store;
    private final Clock clock;

    public DriftData(TrackingStore store) {
        this(store, Clock.systemUTC());
    }

    DriftData(TrackingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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

    /** The version drift commands use when none is given: the Production version, else the latest one. */
    public int defaultVersion(String model) {
        List<ModelVersion> versions = store.registry().versions(model);
        if (versions.isEmpty()) {
            throw new NotFoundException("Model '" + model + "' has no versions.");
        }
        return versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).mapToInt(ModelVersion::version).max()
                .orElseGet(() -> versions.stream().mapToInt(ModelVersion::version).max().getAsInt());
    }

    /** The reference dataset of a version, if one was stored. */
    public Optional<DatasetProfile> reference(String model, int version) {
        return store.database().read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.datasets(c, model, modelId, version, DatasetKind.REFERENCE).stream().findFirst();
        });
    }

    /** The batches of a version, oldest first. */
    public List<DatasetProfile> batches(String model, int version) {
        return store.database().read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.datasets(c, model, modelId, version, DatasetKind.BATCH);
        });
    }

    /** The reservoir sample of a dataset (every row when it had at most the reservoir size). */
    public DatasetSample sample(long datasetId) {
        return store.database().read(c -> DriftTables.sample(c, datasetId));
    }

    /** The model's drift settings (share and per-column overrides); defaults when none were set. */
    public DriftSettings settings(String model) {
        return store.database().read(c -> DriftTables.settings(c, DriftTables.modelId(c, model)));
    }

    /** Sets (or with both null, resets) the test and threshold of one column of a model. */
    public void setColumnSetting(String model, String column, String testId, Double threshold) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a column name is required");
        }
        store.database().writeVoid(tx -> DriftTables.upsertSetting(tx.connection(),
                DriftTables.modelId(tx.connection(), model), column, testId, threshold, null));
    }

    /** Sets the share of drifted columns from which a dataset of this model counts as drifted. */
    public void setShare(String model, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the drift share must be in (0, 1], was " + share);
        }
        store.database().writeVoid(tx -> DriftTables.upsertSetting(tx.connection(),
                DriftTables.modelId(tx.connection(), model), "", null, null, share));
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
        DatasetProfiler profiler = new DatasetProfiler(source, Arrays.asList(header), effective, fallback, 1);
        String[] cells;
        while ((cells = csv.next()) != null) {
            profiler.add(cells, csv.recordLine());
        }
        return save(model, version, kind, time, source, profiler.finish(csv.recordLine() + 1));
    }

    private DatasetWriter writer(String model, int version, DatasetKind kind, Instant time, List<String> columns,
                                 ProfileOptions options) {
        Map<String, ColumnType> fallback = checkTarget(model, version, kind);
        ProfileOptions effective = withReferenceRoles(model, version, kind, options, columns);
        DatasetProfiler profiler = new DatasetProfiler("rows", columns, effective, fallback, 0);
        return new DatasetWriter(columns, profiler, data -> save(model, version, kind, time, "rows", data));
    }

    /** Checks the model version exists; for a batch returns the reference's column types. */
    private Map<String, ColumnType> checkTarget(String model, int version, DatasetKind kind) {
        store.database().read(c -> {
            DriftTables.requireVersion(c, model, DriftTables.modelId(c, model), version);
            return null;
        });
        Map<String, ColumnType> types = new HashMap<>();
        if (kind == DatasetKind.BATCH) {
            reference(model, version).ifPresent(r -> r.columns().forEach(col -> types.put(col.name(), col.type())));
        }
        return types;
    }

    private ProfileOptions withReferenceRoles(String model, int version, DatasetKind kind, ProfileOptions options,
                                              List<String> columns) {
        if (kind != DatasetKind.BATCH || (options.prediction() != null && options.label() != null)) {
            return options;
        }
        Optional<DatasetProfile> ref = reference(model, version);
        ProfileOptions out = options;
        if (ref.isPresent()) {
            for (ColumnProfile col : ref.get().columns()) {
                if (!columns.contains(col.name())) {
                    continue;
                }
                if (col.role() == ColumnRole.PREDICTION && out.prediction() == null) {
                    out = out.withPrediction(col.name());
                } else if (col.role() == ColumnRole.LABEL && out.label() == null) {
                    out = out.withLabel(col.name());
                }
            }
        }
        return out;
    }

    private DatasetProfile save(String model, int version, DatasetKind kind, Instant time, String source,
                                DatasetProfiler.ProfiledDataset data) {
        Long timeMs = time == null ? null : time.toEpochMilli();
        long id = store.database().write(tx -> {
            long modelId = DriftTables.modelId(tx.connection(), model);
            DriftTables.requireVersion(tx.connection(), model, modelId, version);
            Long old = DriftTables.datasetId(tx.connection(), modelId, version, kind, timeMs);
            if (old != null) {
                DriftTables.deleteDataset(tx.connection(), old);
            }
            return DriftTables.insertDataset(tx.connection(), modelId, version, kind, timeMs, source, data,
                    clock.millis());
        });
        LOG.debug("stored {} {} of {} v{}: {} rows, {} sampled", kind.label(), source, model, version,
                data.rowCount(), data.sampleSize());
        List<DatasetProfile> stored = kind == DatasetKind.REFERENCE ? reference(model, version).stream().toList()
                : batches(model, version);
        return stored.stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }
}
