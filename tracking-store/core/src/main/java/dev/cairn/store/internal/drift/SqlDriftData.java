package dev.cairn.store.internal.drift;

import dev.cairn.store.DriftData;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DatasetKind;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DatasetSample;
import dev.cairn.store.drift.DriftSettings;
import dev.cairn.store.drift.ProfiledDataset;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL implementation of {@link DriftData}. */
public final class SqlDriftData implements DriftData {
    private static final Logger LOG = LoggerFactory.getLogger(SqlDriftData.class);

    private final Database db;
    private final ModelRegistry registry;
    private final Clock clock;

    public SqlDriftData(Database db, ModelRegistry registry) {
        this(db, registry, Clock.systemUTC());
    }

    SqlDriftData(Database db, ModelRegistry registry, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
    }

    /** The version drift commands use when none is given: the Production version, else the latest one. */
    public int defaultVersion(String model) {
        List<ModelVersion> versions = registry.versions(model);
        if (versions.isEmpty()) {
            throw new NotFoundException("Model '" + model + "' has no versions.");
        }
        return versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).mapToInt(ModelVersion::version).max()
                .orElseGet(() -> versions.stream().mapToInt(ModelVersion::version).max().getAsInt());
    }

    /** The reference dataset of a version, if one was stored. */
    public Optional<DatasetProfile> reference(String model, int version) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.datasets(c, model, modelId, version, DatasetKind.REFERENCE).stream().findFirst();
        });
    }

    /** The batches of a version, oldest first. */
    public List<DatasetProfile> batches(String model, int version) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.datasets(c, model, modelId, version, DatasetKind.BATCH);
        });
    }

    @Override
    public List<DatasetProfile> batches(String model, int version, Instant upTo, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.datasets(c, model, modelId, version, DatasetKind.BATCH,
                    upTo == null ? null : upTo.toEpochMilli(), limit);
        });
    }

    @Override
    public Map<String, ColumnRole> batchRoles(String model, int version) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            return DriftTables.roles(c, modelId, version, DatasetKind.BATCH);
        });
    }

    /** The reservoir sample of a dataset (every row when it had at most the reservoir size). */
    public DatasetSample sample(long datasetId) {
        return db.read(c -> DriftTables.sample(c, datasetId));
    }

    /** The model's drift settings (share and per-column overrides); defaults when none were set. */
    public DriftSettings settings(String model) {
        return db.read(c -> DriftTables.settings(c, DriftTables.modelId(c, model)));
    }

    /** Sets (or with both null, resets) the test and threshold of one column of a model. */
    public void setColumnSetting(String model, String column, String testId, Double threshold) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a column name is required");
        }
        db.writeVoid(tx -> DriftTables.upsertSetting(tx.connection(),
                DriftTables.modelId(tx.connection(), model), column, testId, threshold, null));
    }

    /** Sets the share of drifted columns from which a dataset of this model counts as drifted. */
    public void setShare(String model, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the drift share must be in (0, 1], was " + share);
        }
        db.writeVoid(tx -> DriftTables.upsertSetting(tx.connection(),
                DriftTables.modelId(tx.connection(), model), "", null, null, share));
    }

    @Override
    public DatasetProfile save(String model, int version, DatasetKind kind, Instant time, String source,
                               ProfiledDataset data) {
        Long timeMs = time == null ? null : time.toEpochMilli();
        long id = db.write(tx -> {
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
