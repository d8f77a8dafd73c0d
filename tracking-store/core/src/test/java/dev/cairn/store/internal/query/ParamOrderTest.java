package dev.cairn.store.internal.query;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.Internals;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.Run;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ordering by a param reads numbers from {@code params_key_num} (ADR 0012): numbers first (ties by text, then by run),
 * then text, then runs without the param, in both directions, across pages that cross those segments, with an
 * experiment scope and a filter; on SQLite the first segment is driven by the index, not by sorting every run, and
 * a filtered first page of all experiments walks the start index and stops at a page of matches.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ParamOrderTest extends StoreContract {
    private static final String[] VALUES = {"0.5", "0.50", "3", "1e-2", "-2.5", "10", "nan", "adam", "sgd", ""};

    private TrackingStore store;
    /** Run name to (creation order, p value or null, experiment). */
    private final Map<String, Object[]> runs = new HashMap<>();

    @BeforeEach
    void fixture() {
        store = stores.open("s.db");
        Random random = new Random(7);
        store.write(w -> {
            for (int i = 0; i < 150; i++) {
                String name = "r" + i;
                String experiment = i % 3 == 0 ? "b" : "a";
                RunRef ref = w.createRun(NewRun.in(experiment).withName(name).withTimes(1000L * i, null));
                String p = random.nextInt(6) == 0 ? null : VALUES[random.nextInt(VALUES.length)];
                if (p != null) {
                    w.logParams(ref, Map.of("p", p, "q", Integer.toString(i % 4)));
                }
                runs.put(name, new Object[] {i, p, experiment});
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "params.p ASC  | false | ",
        "params.p DESC | false | ",
        "params.p ASC  | true  | ",
        "params.p DESC | true  | params.q != '1'"})
    void numbersThenTextThenMissingAcrossPages(String order, boolean scoped, String filter) {
        boolean descending = order.endsWith("DESC");
        RunQuery base = RunQuery.all().orderedBy(List.of(order));
        if (scoped) {
            base = base.inExperiments(List.of("a"));
        }
        if (filter != null) {
            base = base.withFilter(filter);
        }
        List<String> expected = runs.keySet().stream()
                .filter(n -> !scoped || runs.get(n)[2].equals("a"))
                .filter(n -> filter == null || runs.get(n)[1] != null          // q is logged with p
                        && Integer.parseInt(n.substring(1)) % 4 != 1)
                .sorted(expected(descending)).toList();
        for (int size : new int[] {1, 7, 40, 1000}) {
            List<String> paged = store.search().searchAll(base.withPageSize(size)).stream().map(Run::name).toList();
            assertThat(paged).as("%s, page size %d", order, size).containsExactlyElementsOf(expected);
        }
    }

    /** The documented order: numbers, then text, then missing; ties by text, then by creation in the direction. */
    private Comparator<String> expected(boolean descending) {
        Comparator<String> within = Comparator.<String, Double>comparing(n -> number(n), Comparator.nullsLast(
                        Comparator.<Double>naturalOrder()))
                .thenComparing(n -> (String) runs.get(n)[1], Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(n -> (Integer) runs.get(n)[0]);
        Comparator<String> direction = descending ? within.reversed() : within;
        return Comparator.<String>comparingInt(this::segment).thenComparing(direction);
    }

    private int segment(String name) {
        String p = (String) runs.get(name)[1];
        return p == null ? 2 : number(name) == null ? 1 : 0;
    }

    private Double number(String name) {
        Double d = ParamValue.parseNumber((String) runs.get(name)[1]);
        return d == null || d.isNaN() ? null : d;
    }

    @Test
    void sqliteWalksTheParamNumberIndexForTheFirstPage() {
        assumeTrue(backend == Backend.SQLITE);
        List<String> plan = firstSegmentPlan(RunQuery.all().orderedBy(List.of("params.p DESC"))
                .inExperiments(List.of("a")));
        // the experiment name is one index lookup; then the param's numbers in index order (ties sorted per number)
        assertThat(String.join("\n", plan)).contains("SEARCH q0 USING INDEX params_key_num (key_id=? AND num>?)")
                .doesNotContain("SCAN r").doesNotContain("TEMP B-TREE FOR ORDER BY");
    }

    @Test
    void sqliteReadsAFilteredFirstPageOfAllExperimentsInStartOrder() {
        assumeTrue(backend == Backend.SQLITE);
        List<String> plan = firstSegmentPlan(RunQuery.all().withFilter("params.p > 0.1 and params.q = '2'"));
        // walks the runs' start index and stops at the first page of matches, instead of reading each experiment's
        // runs and sorting every match
        assertThat(String.join("\n", plan)).contains("r USING INDEX runs_start")
                .doesNotContain("TEMP B-TREE FOR ORDER BY");
    }

    /** SQLite's plan for the first segment (runs that have the lead sort value) of {@code query}'s first page. */
    private List<String> firstSegmentPlan(RunQuery query) {
        SqlRunSearch.Prepared p = SqlRunSearch.prepare(query);
        return Internals.database(store).read(c -> {
            Map<String, Long> ids = KeyIds.resolve(c, KeyIds.used(p.filter(), p.order()));
            OrderPlan order = OrderPlan.of(p.order(), ids);
            SqlBuilder explain = new SqlBuilder().sql("EXPLAIN QUERY PLAN ").append(new SqlRunSearch(
                    Internals.database(store)).select(query, p.filter(), ids, order, null, true,
                    order.lead().expression() + " IS NOT NULL").bind(101));
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(explain.text())) {
                explain.bindTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(4));
                    }
                }
            }
            return lines;
        });
    }
}
