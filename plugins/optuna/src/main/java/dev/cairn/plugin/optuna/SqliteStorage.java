package dev.cairn.plugin.optuna;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.store.foreign.ForeignSqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an Optuna RDB storage in SQLite ({@code optuna.db}) read-only through the store's {@link ForeignSqlite}.
 * Schemas from Optuna 1.x (directions and values in the studies and trials tables) to 4.x (study_directions,
 * trial_values with value types) are understood.
 */
final class SqliteStorage {
    private SqliteStorage() {
    }

    /** True when {@code file} is an SQLite database with Optuna's studies and trials tables. */
    static boolean isOptuna(Path file) {
        if (!Files.isRegularFile(file) || !ForeignSqlite.looksLikeSqlite(file)) {
            return false;
        }
        try (ForeignSqlite db = ForeignSqlite.open(file)) {
            List<String> tables = db.tables().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            return tables.contains("studies") && tables.contains("trials") && tables.contains("trial_params");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<OptunaStudy> read(Path file) {
        try (ForeignSqlite db = ForeignSqlite.open(file)) {
            return new SqliteStorage.Reader(db).read();
        }
    }

    private static final class Reader {
        private final ForeignSqlite db;
        private final Map<Long, OptunaStudy> studies = new LinkedHashMap<>();
        private final Map<Long, OptunaStudy.Trial> trials = new HashMap<>();

        Reader(ForeignSqlite db) {
            this.db = db;
        }

        List<OptunaStudy> read() {
            rows("studies", "study_id, study_name", "ORDER BY study_id",
                    row -> studies.put(row.getLong("study_id"), new OptunaStudy(row.getString("study_name"))));
            if (has("study_directions", "direction")) {
                rows("study_directions", "study_id, direction", "ORDER BY study_id, objective",
                        row -> study(row.getLong("study_id")).directions.add(row.getString("direction")));
            } else if (has("studies", "direction")) {
                rows("studies", "study_id, direction", "",
                        row -> study(row.getLong("study_id")).directions.add(row.getString("direction")));
            }
            if (has("study_user_attributes", "value_json")) {
                rows("study_user_attributes", "study_id, key, value_json", "ORDER BY study_id, key",
                        row -> study(row.getLong("study_id")).userAttrs.put(row.getString("key"),
                                jsonText(row.getString("value_json"))));
            }
            if (has("study_system_attributes", "value_json")) {
                rows("study_system_attributes", "study_id, value_json", "WHERE key = 'study:metric_names'",
                        row -> metricNames(study(row.getLong("study_id")), row.getString("value_json")));
            }
            String value = has("trials", "value") ? "value" : "NULL AS value";
            rows("trials", "trial_id, number, study_id, state, datetime_start, datetime_complete, " + value,
                    "ORDER BY study_id, number, trial_id", row -> {
                        OptunaStudy study = study(row.getLong("study_id"));
                        Long number = row.getLong("number");
                        OptunaStudy.Trial t = new OptunaStudy.Trial(number == null ? study.trials.size()
                                : number.intValue());
                        t.state = row.getString("state");
                        t.startMs = JsonFiles.isoMillis(row.getString("datetime_start"));
                        t.completeMs = JsonFiles.isoMillis(row.getString("datetime_complete"));
                        Double v = row.getDouble("value");
                        if (v != null) {
                            t.values.add(v);
                        }
                        study.trials.add(t);
                        trials.put(row.getLong("trial_id"), t);
                    });
            if (has("trial_values", "value")) {
                trials.values().forEach(t -> t.values = new ArrayList<>());
                String type = has("trial_values", "value_type") ? "value_type" : "'FINITE' AS value_type";
                rows("trial_values", "trial_id, value, " + type, "ORDER BY trial_id, objective",
                        row -> trial(row.getLong("trial_id")).values.add(
                                typed(row.getDouble("value"), row.getString("value_type"))));
            }
            rows("trial_params", "trial_id, param_name, param_value, distribution_json", "ORDER BY trial_id, param_id",
                    row -> trial(row.getLong("trial_id")).params.put(row.getString("param_name"),
                            new OptunaStudy.Param(row.getDouble("param_value"), row.getString("distribution_json"))));
            if (has("trial_intermediate_values", "step")) {
                String v = has("trial_intermediate_values", "intermediate_value") ? "intermediate_value" : "value";
                String type = has("trial_intermediate_values", "intermediate_value_type")
                        ? "intermediate_value_type" : "'FINITE'";
                rows("trial_intermediate_values", "trial_id, step, " + v + " AS v, " + type + " AS t",
                        "ORDER BY trial_id, step", row -> trial(row.getLong("trial_id")).intermediate
                                .put(row.getLong("step"), typed(row.getDouble("v"), row.getString("t"))));
            }
            if (has("trial_user_attributes", "value_json")) {
                rows("trial_user_attributes", "trial_id, key, value_json", "ORDER BY trial_id, key",
                        row -> trial(row.getLong("trial_id")).userAttrs.put(row.getString("key"),
                                jsonText(row.getString("value_json"))));
            }
            return new ArrayList<>(studies.values());
        }

        /**
         * {@code SELECT <columns> FROM <table> <rest>}, each row with its row id: a value that is not what it is read
         * as (text {@code 'abc'} in a REAL column) is an error naming the table and the row, never a number.
         */
        private void rows(String table, String columns, String rest, ForeignSqlite.RowHandler handler) {
            db.queryRows(table, "SELECT rowid AS " + ForeignSqlite.ROW_ID + ", " + columns + " FROM " + table + " "
                    + rest, List.of(), handler);
        }

        private boolean has(String table, String column) {
            return db.columns(table).stream().anyMatch(c -> c.equalsIgnoreCase(column));
        }

        private OptunaStudy study(Long id) {
            OptunaStudy s = studies.get(id);
            if (s == null) {
                throw new IllegalStateException("a row refers to study " + id + ", which is not in table studies");
            }
            return s;
        }

        private OptunaStudy.Trial trial(Long id) {
            OptunaStudy.Trial t = trials.get(id);
            if (t == null) {
                throw new IllegalStateException("a row refers to trial " + id + ", which is not in table trials");
            }
            return t;
        }
    }

    /** Optuna stores infinities and NaN as NULL with a type. */
    private static double typed(Double value, String type) {
        if (type == null || type.equals("FINITE")) {
            return value == null ? Double.NaN : value;
        }
        return switch (type) {
            case "INF_POS" -> Double.POSITIVE_INFINITY;
            case "INF_NEG" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    static void metricNames(OptunaStudy study, String json) {
        try {
            JsonNode names = JsonFiles.mapper().readTree(json);
            if (names != null && names.isArray()) {
                names.forEach(n -> study.metricNames.add(n.asText()));
            }
        } catch (JsonProcessingException e) {
            // not a list of names: the objectives keep their numbered names
        }
    }

    static String jsonText(String json) {
        try {
            return JsonFiles.text(JsonFiles.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
