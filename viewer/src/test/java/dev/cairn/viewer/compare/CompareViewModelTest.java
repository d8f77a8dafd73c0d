package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompareViewModelTest {
    @TempDir
    Path dir;
    TrackingStore store;
    Run a;
    Run b;
    Run c;
    CompareViewModel vm;

    @BeforeEach
    void setUp() {
        store = TrackingStore.open(dir.resolve("cmp.db"));
        a = CompareStoreFixture.run(store, "a", Map.of("lr", "0.1", "depth", "4"), "blue", 10, 1.0);
        b = CompareStoreFixture.run(store, "b", Map.of("lr", "0.01", "depth", "4"), "blue", 10, 2.0);
        c = CompareStoreFixture.run(store, "c", Map.of("lr", "0.1", "depth", "4", "extra", "x"), "blue", 10, 4.0);
        vm = new CompareViewModel(store, new DirectTaskRunner(), List.of(a.id(), b.id(), c.id()));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private CompareRow row(String label) {
        return vm.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(
                () -> new AssertionError("no row " + label + " in " + vm.rows().stream().map(CompareRow::label)
                        .toList()));
    }

    @Test
    void oneColumnPerRunWithAttributesParamsMetricsAndTags() {
        assertThat(vm.runs()).extracting(d -> d.run().name()).containsExactly("a", "b", "c");
        assertThat(row("Name").values()).containsExactly("a", "b", "c");
        assertThat(row("lr").values()).containsExactly("0.1", "0.01", "0.1");
        assertThat(row("extra").values()).containsExactly("", "", "x");
        assertThat(row("loss · last").values()).containsExactly("0.1", "0.2", "0.4");
        assertThat(row("loss · max").values()).containsExactly("1", "2", "4");
        assertThat(row("team").kind()).isEqualTo(RowKind.TAG);
    }

    @Test
    void paramsAndMetricsThatDifferComeBeforeTheAttributes() {
        List<String> labels = vm.rows().stream().map(CompareRow::label).toList();
        assertThat(labels.subList(0, 8)).containsExactly("extra", "lr", "loss · last", "loss · min", "loss · max",
                "val/acc · last", "val/acc · min", "val/acc · max");
        assertThat(labels.get(8)).isEqualTo("Name");
        assertThat(labels.indexOf("depth")).isGreaterThan(labels.indexOf("Run id"));
    }

    @Test
    void differencesOnlyHidesRowsEqualAcrossRuns() {
        assertThat(vm.rows()).extracting(CompareRow::label).contains("depth", "team", "Experiment");
        vm.differencesOnlyProperty().set(true);
        List<String> labels = vm.rows().stream().map(CompareRow::label).toList();
        assertThat(labels).doesNotContain("depth", "team", "Experiment", "Status")
                .contains("Name", "lr", "extra", "loss · last", "val/acc · min");
        vm.differencesOnlyProperty().set(false);
        assertThat(vm.rows()).extracting(CompareRow::label).contains("depth");
    }

    @Test
    void keySearchKeepsMatchingRowsWithWildcards() {
        vm.searchProperty().set("val/*");
        assertThat(vm.rows()).extracting(CompareRow::label)
                .containsExactly("val/acc · last", "val/acc · min", "val/acc · max");
        vm.searchProperty().set("LR");
        assertThat(vm.rows()).extracting(CompareRow::label).containsExactly("lr");
    }

    @Test
    void referenceRunShowsSignedDeltaAndPercentForMetrics() {
        vm.referenceProperty().set(b.id());
        CompareRow last = row("loss · last");
        MetricDelta da = vm.delta(last, 0);
        assertThat(da.delta()).isCloseTo(-0.1, within(1e-12));
        assertThat(da.percent()).isCloseTo(-50.0, within(1e-9));
        assertThat(vm.delta(last, 1)).isNull();
        assertThat(vm.cellText(last, 0)).isEqualTo("0.1  -0.1 (-50.0%)");
        assertThat(vm.cellText(last, 2)).isEqualTo("0.4  +0.2 (+100.0%)");
        assertThat(vm.cellText(last, 1)).isEqualTo("0.2");
        assertThat(vm.cellText(row("lr"), 0)).isEqualTo("0.1");
    }

    @Test
    void deltaAgainstZeroHasNoPercentAndMissingValuesNoDelta() {
        assertThat(MetricDelta.of(3, 0).format()).isEqualTo("+3");
        assertThat(MetricDelta.of(0.64673, 0.33058).format()).isEqualTo("+0.316 (+95.6%)");
        assertThat(MetricDelta.of(2, 2).format()).isEqualTo("±0 (0.0%)");
        assertThat(MetricDelta.of(Double.NaN, 2)).isNull();
        assertThat(MetricDelta.of(-1, -2).percent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void liveUpdateReloadsWhenAComparedRunChanges() {
        ManualTicker ticker = new ManualTicker();
        vm.startLive(ticker);
        ticker.tick();
        assertThat(row("lr").values()).containsExactly("0.1", "0.01", "0.1");
        store.runs().logParams(b.id(), Map.of("lr", "0.5"));
        ticker.tick();
        assertThat(row("lr").values()).containsExactly("0.1", "0.5", "0.1");
        vm.stopLive();
    }
}
