package dev.cairn.store;

import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Runs.details} reads param and metric keys by id and names them from the key catalog's cache: a key read
 * inside a transaction that rolls back must not leave its name behind for the id the next key is given.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RunDetailsKeyNamesTest extends StoreContract {
    @Test
    void aRolledBackKeyNeverNamesAnother() {
        TrackingStore store = stores.open("s");
        assertThatThrownBy(() -> store.write(w -> {
            RunRef r = w.createRun(NewRun.in("e"));
            w.logParams(r, Map.of("doomed-param", "1"));
            w.append(r, "doomed-metric", new long[] {0}, new long[] {1}, new double[] {0.5});
            RunDetails inside = store.runs().details(List.of(r.id())).get(r.id());
            assertThat(inside.params()).containsOnlyKeys("doomed-param");
            assertThat(inside.metrics()).containsOnlyKeys("doomed-metric");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        String[] id = new String[1];
        store.write(w -> {
            RunRef r = w.createRun(NewRun.in("e"));
            id[0] = r.id();
            w.logParams(r, Map.of("kept-param", "2", "b", "3"));
            w.append(r, "kept-metric", new long[] {0, 1}, new long[] {1, 2}, new double[] {0.25, 0.75});
        });

        RunDetails d = store.runs().details(List.of(id[0])).get(id[0]);
        assertThat(d.params()).containsExactly(Map.entry("b", "3"), Map.entry("kept-param", "2"));
        MetricSummary m = d.metrics().get("kept-metric");
        assertThat(d.metrics()).containsOnlyKeys("kept-metric");
        assertThat(m.key()).isEqualTo("kept-metric");
        assertThat(m.last()).isEqualTo(0.75);
        assertThat(store.runs().params(id[0])).containsOnlyKeys("b", "kept-param");
    }
}
