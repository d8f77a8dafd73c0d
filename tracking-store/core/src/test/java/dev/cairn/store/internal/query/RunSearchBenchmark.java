package dev.cairn.store.internal.query;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.Internals;
import dev.cairn.store.internal.query.SqlRunSearch;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timings of typical searches over a 100,000-run store (20 params, 10 metrics each). Slow: runs only with
 * {@code -Dcairn.bench=true} ({@code -Dcairn.bench.store=PATH} keeps the store between runs), prints timings and
 * query plans.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "cairn.bench", matches = "true")
class RunSearchBenchmark {
    private static final int RUNS = Integer.getInteger("cairn.bench.runs", 100_000);
    private static final String[] OPTIMIZERS = {"adam", "sgd", "rmsprop"};

    @Test
    void timings() throws Exception {
        Path file = Path.of(System.getProperty("cairn.bench.store", "/tmp/cairn-bench-" + RUNS + ".db"));
        if (!Files.exists(file)) {
            build(file);
        }
        try (TrackingStore store = TrackingStore.open(file)) {
            String filter = "metrics.acc > 0.5 AND params.optimizer = 'adam'";
            time(store, "filter + order loss.min", RunQuery.all().withFilter(filter)
                    .orderedBy(List.of("metrics.loss.min ASC")).withPageSize(200));
            time(store, "filter + order loss (last)", RunQuery.all().withFilter(filter)
                    .orderedBy(List.of("metrics.loss ASC")).withPageSize(200));
            time(store, "filter + default order", RunQuery.all().withFilter(filter).withPageSize(200));
            time(store, "no filter, default order", RunQuery.all().withPageSize(200));
            time(store, "no filter, order params.lr", RunQuery.all().orderedBy(List.of("params.lr DESC"))
                    .withPageSize(200));
            time(store, "selective acc > 0.999", RunQuery.all().withFilter("metrics.acc > 0.999")
                    .withPageSize(200));
            time(store, "numeric param lr < 0.001", RunQuery.all().withFilter("params.lr < 0.0002")
                    .orderedBy(List.of("metrics.acc DESC")).withPageSize(200));
            time(store, "OR + NOT", RunQuery.all().withFilter("(params.optimizer = 'sgd' OR metrics.m3 > 0.9) "
                    + "AND NOT tags.group = 'g1'").orderedBy(List.of("metrics.loss.min")).withPageSize(200));
            printPlan(store, RunQuery.all().withFilter(filter).orderedBy(List.of("metrics.loss ASC")));
            printPlan(store, RunQuery.all().withFilter(filter).orderedBy(List.of("metrics.loss.min ASC")));
            printPlan(store, RunQuery.all());
            RunQuery q = RunQuery.all().withFilter(filter).orderedBy(List.of("metrics.loss.min ASC"))
                    .withPageSize(200);
            RunPage first = store.search().search(q);
            time(store, "second page of the first", q.after(first.nextPageToken()));
            long t0 = System.nanoTime();
            long n = store.search().count(RunQuery.all().withFilter(filter));
            System.out.printf("count(filter) = %d in %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
            assertThat(first.runs()).hasSize(200);
        }
    }

    private static void time(TrackingStore store, String label, RunQuery q) {
        store.search().search(q);
        long best = Long.MAX_VALUE;
        int rows = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            rows = store.search().search(q).runs().size();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%-32s %4d rows  best of 5: %7.1f ms%n", label, rows, best / 1e6);
    }

    private static void build(Path file) {
        long t0 = System.nanoTime();
        Random random = new Random(42);
        try (TrackingStore store = TrackingStore.open(file)) {
            int batch = 2000;
            for (int from = 0; from < RUNS; from += batch) {
                int start = from;
                store.write(w -> {
                    for (int i = start; i < Math.min(RUNS, start + batch); i++) {
                        RunRef ref = w.createRun(NewRun.in("exp" + (i % 5)).withName("run-" + i)
                                .withTimes(1_700_000_000_000L + i * 1000L, null));
                        Map<String, String> params = new HashMap<>();
                        params.put("optimizer", OPTIMIZERS[random.nextInt(3)]);
                        params.put("lr", Double.toString(Math.pow(10, -1 - 3 * random.nextDouble())));
                        for (int p = 0; p < 18; p++) {
                            params.put("p" + p, p % 2 == 0 ? Integer.toString(random.nextInt(100)) : "v"
                                    + random.nextInt(10));
                        }
                        w.logParams(ref, params);
                        w.setTags(ref, Map.of("group", "g" + random.nextInt(4)));
                        double[] loss = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
                        w.append(ref, "loss", new long[] {0, 1, 2}, new long[] {0, 1, 2}, loss, 0,
                                3);
                        w.append(ref, "acc", new long[] {0}, new long[] {0},
                                new double[] {random.nextDouble()}, 0, 1);
                        for (int m = 0; m < 8; m++) {
                            w.append(ref, "m" + m, new long[] {0}, new long[] {0},
                                    new double[] {random.nextDouble()}, 0, 1);
                        }
                    }
                });
            }
        }
        System.out.printf("built %d runs in %.1f s%n", RUNS, (System.nanoTime() - t0) / 1e9);
    }

    /** Prints SQLite's plan for the first segment of {@code query}'s first page. */
    private static void printPlan(TrackingStore store, RunQuery query) {
        SqlRunSearch.Prepared p = SqlRunSearch.prepare(query);
        Internals.database(store).read(c -> {
            Map<String, Long> ids = KeyIds.resolve(c, KeyIds.used(p.filter(), p.order()));
            OrderPlan plan = OrderPlan.of(p.order(), ids);
            SqlBuilder sql = new SqlRunSearch(Internals.database(store)).select(query, p.filter(), ids, plan, null, plan.lead().nullable(),
                    plan.lead().nullable() ? plan.lead().expression() + " IS NOT NULL" : "").bind(201);
            System.out.println(query.orderBy() + ": " + sql.text());
            explain(c, sql);
            return null;
        });
    }

    private static void explain(Connection c, SqlBuilder sql) throws java.sql.SQLException {
        SqlBuilder explain = new SqlBuilder().sql("EXPLAIN QUERY PLAN ").append(sql);
        try (PreparedStatement ps = c.prepareStatement(explain.text())) {
            explain.bindTo(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(4));
                }
            }
        }
    }
}
