package dev.cairn.store.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Run attributes a filter or order-by can name: MLflow's ({@code run_id}, {@code run_name}, {@code status},
 * {@code user_id}, {@code start_time}, {@code end_time}, {@code artifact_uri}, with the aliases {@code created},
 * {@code Created}, {@code "Run name"}) and Cairn's ({@code experiment}, {@code duration}, {@code parent_id},
 * {@code note}, {@code lifecycle}, {@code source_program}, {@code source_commit}). The SQL expressions are fixed
 * text over the run row aliases {@code r}, {@code e} and {@code p}.
 */
public enum Attribute {
    RUN_ID("r.id", false, false, "run_id"),
    RUN_NAME("r.name", false, true, "run_name", "name", "run name", "Run name", "Run Name"),
    STATUS("r.status", false, false, "status"),
    USER_ID("r.user_name", false, true, "user_id", "user"),
    START_TIME("r.start_ms", true, true, "start_time", "created", "Created"),
    END_TIME("r.end_ms", true, true, "end_time"),
    ARTIFACT_URI("r.artifact_uri", false, true, "artifact_uri"),
    EXPERIMENT("e.name", false, false, "experiment", "experiment_name"),
    DURATION("(r.end_ms - r.start_ms)", true, true, "duration"),
    PARENT_ID("p.id", false, true, "parent_id"),
    NOTE("r.note", false, true, "note"),
    LIFECYCLE("r.lifecycle", false, false, "lifecycle", "lifecycle_stage"),
    SOURCE_PROGRAM("r.source_program", false, true, "source_program"),
    SOURCE_COMMIT("r.source_commit", false, true, "source_commit");

    private final String sql;
    private final boolean numeric;
    private final boolean nullable;
    private final List<String> names;

    Attribute(String sql, boolean numeric, boolean nullable, String... names) {
        this.sql = sql;
        this.numeric = numeric;
        this.nullable = nullable;
        this.names = List.of(names);
    }

    /** SQL expression over the run row. */
    public String sql() {
        return sql;
    }

    /** True for millisecond times and durations (compared as numbers). */
    boolean numeric() {
        return numeric;
    }

    /** True when a run may have no value. */
    public boolean nullable() {
        return nullable;
    }

    /** The canonical name, as the error messages list it. */
    String canonicalName() {
        return names.get(0);
    }

    /** The attribute named {@code name} (exact spelling of a name or alias; lower case also accepted). */
    static Optional<Attribute> byName(String name) {
        for (Attribute a : values()) {
            if (a.names.contains(name) || a.names.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Canonical names, comma separated, for messages. */
    static String validNames() {
        return Arrays.stream(values()).map(Attribute::canonicalName).sorted().collect(Collectors.joining(", "));
    }
}
