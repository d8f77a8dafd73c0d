package dev.cairn.store.profiling;

import dev.cairn.store.drift.DatasetFormatException;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.ProfiledDataset;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rows of a reference dataset or a batch given through the Java API. Rows are profiled as they arrive (memory
 * stays bounded); {@link #commit()} stores the dataset in one transaction. Values may be numbers, booleans,
 * {@link java.time.Instant}s, text or null (missing).
 *
 * <pre>{@code
 * DatasetWriter w = new DriftDatasets(store.drift()).batchWriter("churn", 3, Instant.now(), List.of("age", "plan"),
 *         ProfileOptions.defaults());
 * w.row(41, "pro");
 * w.row(Map.of("age", 35, "plan", "free"));
 * DatasetProfile stored = w.commit();
 * }</pre>
 */
public final class DatasetWriter {
    private final List<String> columns;
    private final DatasetProfiler profiler;
    private final Function<ProfiledDataset, DatasetProfile> store;
    private long rows;
    private boolean committed;

    DatasetWriter(List<String> columns, DatasetProfiler profiler,
                  Function<ProfiledDataset, DatasetProfile> store) {
        this.columns = List.copyOf(columns);
        this.profiler = profiler;
        this.store = store;
    }

    /** Adds a row with one value per column, in column order. */
    public DatasetWriter row(Object... values) {
        checkOpen();
        rows++;
        if (values.length != columns.size()) {
            throw new DatasetFormatException("rows", rows, "the row has " + values.length + " values but there are "
                    + columns.size() + " columns");
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = Values.textOf(values[i]);
        }
        profiler.add(cells, rows);
        return this;
    }

    /** Adds a row by column name; absent columns are missing, unknown names are refused. */
    public DatasetWriter row(Map<String, ?> values) {
        checkOpen();
        Set<String> unknown = new HashSet<>(values.keySet());
        columns.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new DatasetFormatException("rows", rows + 1, "unknown columns " + unknown + " (columns: " + columns + ")");
        }
        Object[] ordered = new Object[columns.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = values.get(columns.get(i));
        }
        return row(ordered);
    }

    /** Stores the profile and sample of every row added, in one transaction. */
    public DatasetProfile commit() {
        checkOpen();
        committed = true;
        return store.apply(profiler.finish(rows + 1));
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("this dataset was already committed");
        }
    }
}
