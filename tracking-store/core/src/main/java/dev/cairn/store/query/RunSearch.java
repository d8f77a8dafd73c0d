package dev.cairn.store.query;

import dev.cairn.store.model.Run;

import java.util.List;

/**
 * Searches runs: experiment scope, filter language, ordering, keyset pagination. User values (strings, numbers,
 * key names) reach SQL only as bound parameters.
 *
 * <h2>Filter language</h2>
 * A superset of MLflow's {@code search_runs} filter:
 * <pre>
 * filter     := or
 * or         := and ( OR and )*                      -- Cairn extension
 * and        := not ( AND not )*
 * not        := NOT not | primary                    -- Cairn extension
 * primary    := '(' or ')' | comparison              -- parentheses: Cairn extension
 * comparison := name ( '=' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) value
 *             | name ( LIKE | ILIKE ) string
 *             | name [ NOT ] IN '(' string ( ',' string )* ')'
 *             | name IS [ NOT ] NULL
 * name       := kind '.' key | attribute
 * kind       := metrics | metric | params | param | parameters | parameter | tags | tag
 *             | attributes | attribute | attr | run | datasets | dataset
 * key        := unquoted ( letters, digits, _ . / - ) | "quoted" | 'quoted' | `quoted`
 * value      := 'string' | "string" | number | NaN | inf | -inf
 * </pre>
 * Keywords are case-insensitive; a doubled quote inside a quoted string or key stands for one quote.
 * <ul>
 *   <li>{@code metrics.k} is the last value; {@code metrics.k.min}, {@code .max}, {@code .last} pick an aggregate.
 *   An unquoted key whose last dot-segment is min/max/last is read as that aggregate of the rest
 *   ({@code metrics.val.acc.max}); quote a key that really ends so ({@code metrics."loss.min"}).</li>
 *   <li>Metrics compare as numbers. Params compare as text against a quoted string ({@code =}, {@code !=},
 *   {@code LIKE}, {@code ILIKE}, {@code IN}) and as numbers against an unquoted number
 *   ({@code params.lr < 0.01}; non-numeric values are unequal to every number). Tags, string attributes and
 *   dataset fields compare as text.</li>
 *   <li>A run without the key never matches a comparison, {@code !=} and {@code NOT IN} included;
 *   {@code IS NULL} matches exactly those runs. {@code NOT} is the exact complement.</li>
 *   <li>NaN values: {@code metrics.k = NaN} finds them, {@code != NaN} excludes them, {@code != 1} includes them
 *   (IEEE), ordering comparisons never match them. {@code inf}/{@code -inf} compare as usual.</li>
 *   <li>{@code LIKE} is case-sensitive (as in MLflow); {@code ILIKE} folds ASCII case.</li>
 *   <li>Attributes: {@code run_id}, {@code run_name} (also {@code name}, {@code "Run name"}), {@code status}
 *   (values compare upper-cased), {@code user_id} (also {@code user}), {@code start_time} (also
 *   {@code created}), {@code end_time}, {@code artifact_uri}, {@code experiment}, {@code duration} (ms, runs with
 *   an end time only), {@code parent_id}, {@code note}, {@code lifecycle}, {@code source_program},
 *   {@code source_commit}. {@code tags.mlflow.runName} reads the tag when the run has it, else the run name.</li>
 * </ul>
 *
 * <h2>Ordering and pages</h2>
 * Order-by clauses are {@code name [ASC|DESC]} (default {@code start_time DESC}). Params sort numbers first (by
 * value), then other values as text. Runs missing the sort value (or with NaN) sort last in both directions; ties
 * are broken by the run's insertion order in the direction of the first clause. Pages use keyset pagination: the
 * token carries the last row's sort values, so the next page continues strictly after it, also while runs are
 * being added.
 */
public interface RunSearch {

    /**
     * One page of runs matching {@code query}; a malformed filter or order-by throws {@link FilterSyntaxException},
     * a malformed or foreign page token an {@link IllegalArgumentException}.
     */
    RunPage search(RunQuery query);

    /** How many runs match {@code query} (its page size and token are ignored). */
    long count(RunQuery query);

    /** Every run matching {@code query}, page after page. */
    List<Run> searchAll(RunQuery query);
}
