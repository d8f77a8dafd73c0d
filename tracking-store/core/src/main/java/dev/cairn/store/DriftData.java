package dev.cairn.store;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DatasetKind;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DatasetSample;
import dev.cairn.store.drift.DriftSettings;
import dev.cairn.store.drift.ProfiledDataset;
import dev.cairn.store.model.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data-drift inputs of registered model versions: one reference dataset per version and any number of batches
 * with a time, each stored as row count, per-column profiles and a bounded reservoir sample. Profiling a CSV file
 * or rows is done by the dataset-profiling module ({@code dev.cairn.store.profiling.DriftDatasets}); computing drift
 * from the stored profiles by the drift-test plugins.
 *
 * <p>Adding a batch at a time that already has one replaces it (re-running a daily job is harmless); setting the
 * reference again replaces it.
 */
public interface DriftData {

    /** The version drift commands use when none is given: the Production version, else the latest one. */
    int defaultVersion(String model);

    /** The reference dataset of a version, if one was stored; a {@link NotFoundException} for an unknown version. */
    Optional<DatasetProfile> reference(String model, int version);

    /** The batches of a version, oldest first. */
    List<DatasetProfile> batches(String model, int version);

    /**
     * The newest {@code limit} (at least 1) batches of a version at or before {@code upTo} (null: the newest), oldest
     * first: what an alert rule over the last N batches reads, without the rest of the history.
     */
    List<DatasetProfile> batches(String model, int version, Instant upTo, int limit);

    /**
     * Each column's most specific role ({@link ColumnRole#precedence()}) over every batch of a version, read without
     * the profiles: with the reference's roles, the roles a drift report over the whole history gives, for a report
     * of a few batches that must agree with it.
     */
    Map<String, ColumnRole> batchRoles(String model, int version);

    /** The reservoir sample of a stored dataset (every row when it had at most the reservoir size). */
    DatasetSample sample(long datasetId);

    /** The model's drift settings (share and per-column overrides); defaults when none were set. */
    DriftSettings settings(String model);

    /** Sets (or with both null, resets) the test and threshold of one column of a model. */
    void setColumnSetting(String model, String column, String testId, Double threshold);

    /** Sets the share of drifted columns from which a dataset of this model counts as drifted. */
    void setShare(String model, double share);

    /**
     * Stores a profiled dataset as the reference ({@code time} null) or as the batch at {@code time} of a model
     * version, in one transaction, replacing the one it supersedes; {@code source} names where it came from.
     */
    DatasetProfile save(String model, int version, DatasetKind kind, Instant time, String source, ProfiledDataset data);
}
