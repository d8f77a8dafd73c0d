package dev.cairn.store.internal.sql;

import dev.cairn.store.model.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies every row of one store into an empty store of the same schema version, table by table and byte for byte
 * (ids, series chunks, registry history and drift data keep their values), in one transaction on the target:
 * either the whole store arrives or nothing does. Works between any two dialects because both hold the same
 * logical schema.
 */
public final class StoreCopier {
    /** Tables in an order that satisfies their foreign keys ({@code runs.parent_seq} is linked afterwards). */
    private static final String[] TABLES = {
        "experiments", "experiment_tags", "keys", "runs", "run_tags", "params", "metric_summaries", "metric_chunks",
        "dataset_inputs", "artifacts", "provenance", "registered_models", "registered_model_tags", "model_versions",
        "model_version_tags", "model_aliases", "model_events", "drift_datasets", "drift_columns", "drift_settings",
        "monitor_predictors", "monitor_slices", "monitor_metrics", "monitor_confusion", "monitor_tests", "monitor_rules",
        "monitor_alerts",
    };
    /** Identity columns whose sequences must continue after the copied ids. */
    private static final String[][] IDENTITIES = {
        {"experiments", "id"}, {"keys", "id"}, {"runs", "seq"}, {"registered_models", "id"}, {"model_events", "seq"},
        {"drift_datasets", "id"}, {"monitor_predictors", "id"}, {"monitor_rules", "id"},
    };
    private static final int BATCH = 500;

    private StoreCopier() {
    }

    /** Copies {@code source} into {@code target}, which must hold no experiments, runs or models. */
    public static void copy(Database source, Database target, Consumer<String> progress) {
        target.writeVoid(tx -> {
            Connection out = tx.connection();
            requireEmpty(out, target.describe());
            source.read(in -> {
                for (String table : TABLES) {
                    progress.accept(table);
                    copyTable(in, out, table);
                }
                linkParents(in, out);
                return null;
            });
            for (String[] identity : IDENTITIES) {
                target.dialect().continueIdentity(out, identity[0], identity[1]);
            }
        });
    }

    private static void requireEmpty(Connection c, String name) throws SQLException {
        for (String table : new String[] {"experiments", "runs", "registered_models"}) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StoreException("The store " + name + " is not empty (it has " + table
                            + "); copy into a new store.");
                }
            }
        }
    }

    private static void copyTable(Connection in, Connection out, String table) throws SQLException {
        try (Statement st = in.createStatement()) {
            st.setFetchSize(BATCH);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    columns.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                int parent = columns.indexOf("parent_seq");
                int[] nullTypes = new int[n];
                for (int i = 0; i < n; i++) {
                    nullTypes[i] = nullType(out, table, columns.get(i));
                }
                boolean runs = table.equals("runs");
                String sql = "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
                try (PreparedStatement ps = out.prepareStatement(sql)) {
                    int pending = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object value = runs && i - 1 == parent ? null : rs.getObject(i);
                            if (value == null) {
                                ps.setNull(i, nullTypes[i - 1]);
                            } else {
                                ps.setObject(i, value);
                            }
                        }
                        ps.addBatch();
                        if (++pending == BATCH) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
            }
        }
    }

    /** The JDBC type to bind NULL into a target column (PostgreSQL wants it typed). */
    private static int nullType(Connection out, String table, String column) throws SQLException {
        try (ResultSet rs = out.getMetaData().getColumns(null, null, table, column)) {
            return rs.next() ? rs.getInt("DATA_TYPE") : java.sql.Types.VARCHAR;
        }
    }

    private static void linkParents(Connection in, Connection out) throws SQLException {
        try (Statement st = in.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, parent_seq FROM runs WHERE parent_seq IS NOT NULL");
             PreparedStatement ps = out.prepareStatement("UPDATE runs SET parent_seq = ? WHERE seq = ?")) {
            while (rs.next()) {
                ps.setLong(1, rs.getLong(2));
                ps.setLong(2, rs.getLong(1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
