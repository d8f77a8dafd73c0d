package dev.cairn.plugin.drift;

import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DatasetSample;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.drift.DriftSettings;
import dev.cairn.store.drift.SampleColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.function.LongFunction;

/**
 * Computes a {@link DriftReport} for a model version from what the store holds: for each batch and each
 * reference column except the label, a test chosen by {@link DriftTestSelector} (Evidently's defaults, or the
 * model's per-column setting) runs on the stored samples: numeric and date-time columns on the reservoir
 * values, categorical and boolean columns on the exact value counts. The dataset verdict uses
 * {@link DatasetDriftRule} with the model's share, over the feature columns only: the prediction and score
 * columns (the version's own and challengers') are tested and reported as prediction drift but do not count
 * towards dataset drift, and the label is not tested. A column's role is the most specific one the reference or
 * any batch of the version gives it ({@link ColumnRole#precedence()}), so a reference stored without roles and
 * batches stored with them agree, and every batch of a report counts the same columns.
 *
 * <p>It lives here, not in the store, because the store must not depend on plugins; the CLI and the desktop app
 * both use it, and a third-party host of the plugin API can too.
 */
public final class DriftReporter {
    private final List<DriftTest> tests;

    /** @param tests the drift tests to choose from */
    public DriftReporter(Iterable<? extends DriftTest> tests) {
        List<DriftTest> copy = new ArrayList<>();
        tests.forEach(copy::add);
        this.tests = List.copyOf(copy);
    }

    /** @return a reporter over the tests found by {@link ServiceLoader} on this class's loader */
    public static DriftReporter fromServiceLoader() {
        return new DriftReporter(ServiceLoader.load(DriftTest.class, DriftReporter.class.getClassLoader()));
    }

    /** @return the available test ids */
    public List<String> testIds() {
        return tests.stream().map(DriftTest::id).toList();
    }

    /**
     * Tests every batch of a model version against its reference.
     *
     * @param model     registered model name
     * @param version   model version
     * @param reference the version's reference dataset
     * @param batches   the version's batches, oldest first (none: a report without batches)
     * @param settings  the model's drift settings
     * @param samples   the stored reservoir sample of a dataset, by dataset id
     * @return the report
     */
    public DriftReport report(String model, int version, DatasetProfile reference, List<DatasetProfile> batches,
                              DriftSettings settings, LongFunction<DatasetSample> samples) {
        return report(model, version, reference, batches, Map.of(), settings, samples);
    }

    /**
     * Tests only {@code batches}, a part of the version's history (an alert rule over the last N batches), with the
     * figures the report of the whole history gives them: {@code otherRoles} are the roles the version's other
     * batches give its columns (the store's {@code DriftData.batchRoles}), taken like those of the batches given.
     *
     * @param otherRoles most specific role per column over the batches not given (may name columns of those only)
     * @return the report of the given batches, oldest first
     */
    public DriftReport report(String model, int version, DatasetProfile reference, List<DatasetProfile> batches,
                              Map<String, ColumnRole> otherRoles, DriftSettings settings,
                              LongFunction<DatasetSample> samples) {
        DriftTestSelector selector = new DriftTestSelector(tests, overrides(settings));
        DatasetDriftRule rule = new DatasetDriftRule(settings.share());
        DatasetSample referenceSample = samples.apply(reference.id());
        Map<String, ColumnRole> roles = roles(reference, batches);
        otherRoles.forEach((name, role) -> roles.computeIfPresent(name,
                (n, had) -> role.precedence() > had.precedence() ? role : had));
        Map<String, ColumnSample> referenceColumns = new HashMap<>();
        for (ColumnProfile col : reference.columns()) {
            if (roles.get(col.name()) != ColumnRole.LABEL) {
                columnSample(col, referenceSample).ifPresent(s -> referenceColumns.put(col.name(), s));
            }
        }
        List<DriftReport.Batch> results = new ArrayList<>();
        for (DatasetProfile batch : batches) {
            results.add(batch(batch, samples.apply(batch.id()), reference, roles, referenceColumns, selector, rule));
        }
        return new DriftReport(model, version, reference.rowCount(), results);
    }

    /** Each reference column's most specific role over the reference and the batches. */
    private static Map<String, ColumnRole> roles(DatasetProfile reference, List<DatasetProfile> batches) {
        Map<String, ColumnRole> roles = new HashMap<>();
        reference.columns().forEach(c -> roles.put(c.name(), c.role()));
        for (DatasetProfile batch : batches) {
            for (ColumnProfile c : batch.columns()) {
                roles.computeIfPresent(c.name(), (name, role) -> c.role().precedence() > role.precedence() ? c.role() : role);
            }
        }
        return roles;
    }

    private DriftReport.Batch batch(DatasetProfile batch, DatasetSample sample, DatasetProfile reference,
                                    Map<String, ColumnRole> roles, Map<String, ColumnSample> referenceColumns,
                                    DriftTestSelector selector, DatasetDriftRule rule) {
        List<DriftReport.Column> columns = new ArrayList<>();
        List<DriftResult> features = new ArrayList<>();
        for (ColumnProfile refCol : reference.columns()) {
            ColumnRole role = roles.get(refCol.name());
            if (role == ColumnRole.LABEL) {
                continue;
            }
            ColumnSample ref = referenceColumns.get(refCol.name());
            Optional<ColumnProfile> cur = batch.column(refCol.name());
            Optional<ColumnSample> current = cur.flatMap(c -> c.type() == refCol.type()
                    ? columnSample(c, sample) : Optional.empty());
            String problem = ref == null ? "no values in the reference"
                    : cur.isEmpty() ? "not in this batch"
                    : cur.get().type() != refCol.type() ? "type " + cur.get().type().label() + " differs from the reference"
                    : current.isEmpty() ? "no values in this batch" : null;
            if (problem != null) {
                columns.add(new DriftReport.Column(refCol.name(), refCol.type(), role, null, Double.NaN, null,
                        Double.NaN, false, false, problem));
                continue;
            }
            DriftTestSelector.Choice choice;
            DriftResult result;
            try {
                choice = selector.choose(ref, current.get());
                result = choice.test().test(ref, current.get(), choice.threshold());
            } catch (IllegalArgumentException | IllegalStateException e) {
                columns.add(new DriftReport.Column(refCol.name(), refCol.type(), role, null, Double.NaN, null,
                        Double.NaN, false, false, e.getMessage()));
                continue;
            }
            columns.add(new DriftReport.Column(refCol.name(), refCol.type(), role, result.testId(),
                    result.score(), result.pValue(), result.threshold(), choice.test().isDistance(), result.drifted(),
                    result.message().orElse(null)));
            if (role.isFeature()) {
                features.add(result);
            }
        }
        DatasetDriftRule.Verdict verdict = rule.evaluate(features);
        return new DriftReport.Batch(batch.id(), batch.time(), batch.rowCount(), verdict.drifted(), verdict.share(),
                verdict.driftedColumns(), verdict.totalColumns(), batch.performance(), columns);
    }

    private static Optional<ColumnSample> columnSample(ColumnProfile profile, DatasetSample sample) {
        if (profile.present() == 0) {
            return Optional.empty();
        }
        if (profile.type().isNumeric()) {
            Optional<SampleColumn> col = sample.column(profile.name());
            if (col.isEmpty() || col.get().numbers() == null) {
                return Optional.empty();
            }
            double[] values = col.get().numbers();
            long sampledMissing = 0;
            for (double v : values) {
                if (Double.isNaN(v)) {
                    sampledMissing++;
                }
            }
            ColumnKind kind = profile.type() == ColumnType.DATETIME ? ColumnKind.DATETIME : ColumnKind.NUMERIC;
            return Optional.of(ColumnSample.values(profile.name(), kind, values, profile.present(),
                    Math.max(0, profile.missing() - sampledMissing)));
        }
        Map<String, Long> counts = new LinkedHashMap<>(profile.valueCounts());
        if (profile.otherCount() > 0) {
            counts.merge("(other)", profile.otherCount(), Long::sum);
        }
        ColumnKind kind = profile.type() == ColumnType.BOOLEAN ? ColumnKind.BOOLEAN : ColumnKind.CATEGORICAL;
        return Optional.of(ColumnSample.counts(profile.name(), kind, counts, profile.missing()));
    }

    private static Map<String, ColumnOverride> overrides(DriftSettings settings) {
        Map<String, ColumnOverride> out = new HashMap<>();
        settings.columns().forEach((column, s) -> out.put(column, new ColumnOverride(Optional.ofNullable(s.testId()),
                s.threshold() == null ? OptionalDouble.empty() : OptionalDouble.of(s.threshold()))));
        return out;
    }
}
