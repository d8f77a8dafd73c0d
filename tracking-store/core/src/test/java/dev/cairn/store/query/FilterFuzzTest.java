package dev.cairn.store.query;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.StoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the filter and order-by language against a real SQLite store: seeds are filters from the README and the
 * tests, spliced and mutated. Property: a bad filter fails with a {@link FilterSyntaxException} naming a column
 * inside the text (never an SQL error or another exception), a good one runs.
 */
class FilterFuzzTest {
    private static final String[] SEEDS = {
        "metrics.loss < 0.5", "params.lr = '0.1' AND tags.team = \"vision\"", "attributes.status IN ('FINISHED', 'FAILED')",
        "metrics.`val/acc` >= 0.9 OR NOT params.model LIKE 'res%'", "tags.note IS NULL", "run_name ILIKE '%lr%'",
        "(metrics.a > 1 AND (metrics.b < 2 OR params.c != 'x'))", "attributes.start_time > 1700000000000",
        "params.epochs NOT IN (1, 2, 3)", "metrics.loss < -1e308", "experiment = 'churn'",
    };
    private static final String[] ORDERS = {"metrics.loss ASC", "params.lr DESC", "attributes.start_time", "run_name"};
    private static TrackingStore store;

    private static synchronized TrackingStore store() {
        if (store == null) {
            try {
                store = TrackingStore.open(Files.createTempDirectory("filter-fuzz").resolve("s.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store.runs().create(NewRun.in("churn").withName("lr-0.1"));
        }
        return store;
    }

    @FuzzTest(maxDuration = "10s")
    void aFilterRunsOrFailsNamingItsColumn(FuzzedDataProvider data) {
        String filter = switch (data.consumeInt(0, 2)) {
            case 0 -> SEEDS[data.consumeInt(0, SEEDS.length - 1)];
            case 1 -> {
                String seed = SEEDS[data.consumeInt(0, SEEDS.length - 1)];
                int at = data.consumeInt(0, seed.length());
                yield seed.substring(0, at) + data.consumeString(12) + seed.substring(Math.min(seed.length(),
                        at + data.consumeInt(0, 6)));
            }
            default -> data.consumeString(200);
        };
        String order = data.consumeBoolean() ? ORDERS[data.consumeInt(0, ORDERS.length - 1)] : data.consumeString(40);
        try {
            store().search().search(RunQuery.all().withFilter(filter).orderedBy(List.of(order)));
        } catch (FilterSyntaxException e) {
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).startsWith("column " + e.column() + ": ");
        } catch (StoreException e) {
            throw new AssertionError("filter '" + filter + "' / order '" + order + "' gave " + e, e);
        }
    }
}
