package dev.cairn.store.query;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyset pages: many ties and missing values, compared with one big page. */
@ParameterizedClass
@EnumSource(Backend.class)
class RunSearchPagingTest extends StoreContract {
    private TrackingStore store;

    @BeforeEach
    void fixture() {
        store = stores.open("s.db");
        store.write(w -> {
            for (int i = 0; i < 60; i++) {
                RunRef ref = w.createRun(NewRun.in(i % 5 == 0 ? "b" : "a").withName("run-" + (i % 7))
                        .withTimes(1000L * (i % 6), i % 3 == 0 ? null : 1000L * (i % 6) + i)
                        .withStatus(i % 3 == 0 ? RunStatus.RUNNING : RunStatus.FINISHED));
                if (i % 4 != 0) {
                    double acc = i % 9 == 0 ? Double.NaN : (i % 4) / 4.0;
                    w.append(ref, "acc", new long[] {0}, new long[] {0}, new double[] {acc}, 0, 1);
                }
                String p = switch (i % 5) {
                    case 0 -> "adam";
                    case 1 -> "0.5";
                    case 2 -> "1e-2";
                    case 3 -> "sgd";
                    default -> null;
                };
                if (p != null) {
                    w.logParams(ref, Map.of("p", p));
                }
                if (i % 2 == 0) {
                    w.setTags(ref, Map.of("t", "v" + (i % 3)));
                }
            }
        });
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "metrics.acc DESC", "metrics.acc ASC", "params.p", "params.p DESC", "tags.t DESC",
        "name", "end_time DESC", "duration", "metrics.acc DESC|params.p ASC|name DESC", "experiment|tags.t"})
    void pagesWithTiesEqualOneBigQuery(String order) {
        List<String> clauses = order.isEmpty() ? List.of() : List.of(order.split("\\|"));
        RunQuery base = RunQuery.all().orderedBy(clauses).withFilter("attributes.run_name != 'run-3'");
        List<Run> whole = store.search().search(base.withPageSize(1000)).runs();
        assertThat(whole).hasSize(60 - 9);
        for (int size : new int[] {1, 7, 50}) {
            List<Run> paged = store.search().searchAll(base.withPageSize(size));
            assertThat(ids(paged)).as("page size %d", size).containsExactlyElementsOf(ids(whole));
        }
    }

    @Test
    void lastPageHasNoTokenAndExactMultiplesEndCleanly() {
        RunQuery q = RunQuery.all().withPageSize(30);
        RunPage first = store.search().search(q);
        assertThat(first.runs()).hasSize(30);
        assertThat(first.nextPageToken()).isNotNull();
        RunPage second = store.search().search(q.after(first.nextPageToken()));
        assertThat(second.runs()).hasSize(30);
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void continuationIsStableWhileRunsAreAdded() {
        RunQuery q = RunQuery.all().orderedBy(List.of("metrics.acc DESC")).withPageSize(10);
        List<String> before = ids(store.search().searchAll(q.withPageSize(1000)));
        RunPage first = store.search().search(q);
        Set<String> added = new HashSet<>();
        for (double acc : new double[] {0.99, 0.5, 0.0}) {
            Run r = store.runs().create(NewRun.in("a").withName("late"));
            store.metrics().append(r.id(), "acc", 0, 0, acc);
            added.add(r.id());
        }
        List<String> seen = new ArrayList<>(ids(first.runs()));
        String token = first.nextPageToken();
        while (token != null) {
            RunPage page = store.search().search(q.after(token));
            seen.addAll(ids(page.runs()));
            token = page.nextPageToken();
        }
        assertThat(seen).doesNotHaveDuplicates();
        List<String> original = seen.stream().filter(id -> !added.contains(id)).toList();
        assertThat(original).containsExactlyElementsOf(before);
        assertThat(seen).hasSize(before.size() + 2);
    }

    @Test
    void badTokensAreRejectedClearly() {
        RunQuery q = RunQuery.all().withPageSize(5);
        String token = store.search().search(q).nextPageToken();
        assertThatThrownBy(() -> store.search().search(q.after("not a token!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid page token.");
        assertThatThrownBy(() -> store.search().search(q.after(token.substring(0, token.length() - 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid page token.");
        assertThatThrownBy(() -> store.search().search(q.orderedBy(List.of("name")).after(token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different query");
        assertThatThrownBy(() -> store.search().search(q.withFilter("metrics.acc > 0").after(token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different query");
    }
}
