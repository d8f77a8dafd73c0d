package dev.cairn.viewer.runs;

import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunsViewModelTest {
    @TempDir
    Path dir;

    private TrackingStore store;
    private List<Run> runs;
    private final ManualTicker ticker = new ManualTicker();
    private RunsViewModel vm;

    @BeforeEach
    void setUp() {
        store = TestStores.open(dir, "runs.db");
        runs = TestStores.populate(store);
        vm = new RunsViewModel(new DirectTaskRunner(), ticker);
        vm.attach(store);
    }

    @AfterEach
    void tearDown() {
        vm.detach();
        store.close();
    }

    private List<String> names() {
        return vm.rows().stream().map(r -> r.run().name()).toList();
    }

    @Test
    void loadsEveryActiveRunWithDetailsNewestFirst() {
        assertThat(names()).containsExactly("resnet", "lr-0.001", "lr-0.01", "lr-0.1");
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
        RunRow first = vm.row(runs.get(0).id());
        assertThat(first.details().params()).containsEntry("lr", "0.1");
        assertThat(first.details().metrics().get("loss").min()).isEqualTo(0.2);
        assertThat(vm.paramKeys()).containsExactly("depth", "lr", "model");
        assertThat(vm.metricKeys()).containsExactly("loss");
        assertThat(vm.tagKeys()).containsExactly("team");
    }

    @Test
    void aLargeTableHoldsAWindowOfPagesSortedAndFilteredInTheStore() {
        store.write(w -> {
            for (int i = 0; i < 250; i++) {
                w.createRun(NewRun.in("big").withName(String.format(java.util.Locale.ROOT, "run-%03d", i))
                        .withTimes(TestStores.T0 + i * 1000L, null));
            }
        });
        vm.detach();
        vm.setReadAhead(100);
        vm.attach(store);
        assertThat(vm.rows()).hasSize(RunPageLoader.FIRST_PAGE);
        assertThat(vm.matchingRunsProperty().get()).isEqualTo(254);
        assertThat(vm.completeProperty().get()).isFalse();

        // sorting by name ascending: the store sorts, the first row is the first of all runs, not of those loaded
        vm.setSort(List.of(new SortKey(d -> d.run().name(), CellValues.ORDER, false, "attributes.run_name")));
        assertThat(vm.rows().get(0).run().name()).isEqualTo("lr-0.001");
        assertThat(vm.rows()).hasSize(RunPageLoader.FIRST_PAGE);
        assertThat(vm.matchingRunsProperty().get()).isEqualTo(254);
        vm.loadMore();
        assertThat(vm.rows()).hasSize(254);
        assertThat(vm.completeProperty().get()).isTrue();

        vm.applyFilter("attributes.run_name LIKE 'run-2%'");
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.rows().get(0).run().name()).isEqualTo("run-200");
    }

    @Test
    void theCountAndTheReadAheadWaitUntilTheFirstRowsAreShownAndAStaleOneIsDropped() {
        store.write(w -> {
            for (int i = 0; i < 250; i++) {
                w.createRun(NewRun.in("big").withName(String.format(java.util.Locale.ROOT, "run-%03d", i))
                        .withTimes(TestStores.T0 + i * 1000L, null));
            }
        });
        List<Runnable> held = new ArrayList<>();
        vm.detach();
        vm.setAfterFirstRowsShown(held::add);
        vm.attach(store);
        // first page shown; neither the count nor the read-ahead has run yet
        assertThat(vm.rows()).hasSize(RunPageLoader.FIRST_PAGE);
        assertThat(vm.matchingRunsProperty().get()).isEqualTo(RunPageLoader.FIRST_PAGE);
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(held).hasSize(1);

        // the filter changed before the rows were shown: the old follow-up reads nothing
        vm.applyFilter("attributes.run_name LIKE 'run-%'");
        assertThat(held).hasSize(2);
        held.get(0).run();
        assertThat(vm.rows()).hasSize(RunPageLoader.FIRST_PAGE);
        assertThat(vm.matchingRunsProperty().get()).isEqualTo(RunPageLoader.FIRST_PAGE);

        held.get(1).run();
        assertThat(vm.matchingRunsProperty().get()).isEqualTo(250);
        assertThat(vm.rows()).hasSize(250);
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void scopeLimitsTheTableToOneExperiment() {
        long visionId = store.experiments().byName("vision").orElseThrow().id();
        vm.setScope(new ExperimentItem(visionId, "vision", 1, false));
        assertThat(names()).containsExactly("resnet");
        assertThat(vm.paramKeys()).containsExactly("depth");
        vm.setScope(ExperimentItem.all(4));
        assertThat(names()).hasSize(4);
    }

    @Test
    void liveUpdateAddsNewRunsAndUpdatesRowsInPlace() {
        RunRow before = vm.row(runs.get(1).id());
        store.runs().rename(runs.get(1).id(), "renamed-elsewhere");
        Run fresh = TestStores.run(store, "churn", "late", RunStatus.RUNNING, 9, null, Map.of("lr", "1"),
                new double[] {1});
        ticker.tick();
        assertThat(vm.row(runs.get(1).id())).isSameAs(before);
        assertThat(before.run().name()).isEqualTo("renamed-elsewhere");
        assertThat(vm.row(fresh.id())).isNotNull();
        assertThat(names()).first().isEqualTo("late");
    }

    @Test
    void liveUpdateReportsChangedIds() {
        List<String> seen = new ArrayList<>();
        vm.setOnRunsChanged(seen::addAll);
        ticker.tick();
        assertThat(seen).isEmpty();
        store.metrics().append(runs.get(3).id(), "loss", 2, TestStores.T0, 0.5);
        ticker.tick();
        assertThat(seen).containsExactly(runs.get(3).id());
        assertThat(vm.row(runs.get(3).id()).details().metrics().get("loss").last()).isEqualTo(0.5);
    }

    @Test
    void deleteHidesRunsAndRestoreBringsThemBack() {
        String id = runs.get(0).id();
        vm.delete(List.of(id));
        assertThat(vm.row(id)).isNull();
        assertThat(names()).doesNotContain("lr-0.1");
        vm.setIncludeDeleted(true);
        assertThat(vm.row(id)).isNotNull();
        assertThat(vm.row(id).run().lifecycle()).isEqualTo(dev.cairn.store.model.Lifecycle.DELETED);
        vm.restore(List.of(id));
        vm.setIncludeDeleted(false);
        assertThat(names()).contains("lr-0.1");
    }

    @Test
    void renameTagAndNoteReachTheStoreAndTheRow() {
        String id = runs.get(1).id();
        vm.rename(id, "  better-name ");
        vm.setTag(List.of(id, runs.get(2).id()), "review", "yes");
        vm.setNote(id, "flaky data");
        vm.removeTag(runs.get(0).id(), "team");
        assertThat(store.runs().require(id).name()).isEqualTo("better-name");
        assertThat(store.runs().tags(runs.get(2).id())).containsEntry("review", "yes");
        assertThat(vm.row(id).run().note()).isEqualTo("flaky data");
        assertThat(vm.row(runs.get(0).id()).details().tags()).doesNotContainKey("team");
        assertThat(vm.actionErrorProperty().get()).isNull();
    }

    @Test
    void blankTagNameIsRefusedWithAMessage() {
        vm.setTag(List.of(runs.get(0).id()), " ", "x");
        assertThat(vm.actionErrorProperty().get()).contains("tag needs a name");
    }

    @Test
    void aRefusedFilterKeepsTheRowsAndExplainsWhy() {
        vm.applyFilter("metrics.loss <");
        assertThat(vm.filterErrorProperty().get()).isNotNull();
        assertThat(vm.filterErrorProperty().get().message()).isNotBlank();
        assertThat(vm.rows()).hasSize(4);
        vm.applyFilter("");
        assertThat(vm.filterErrorProperty().get()).isNull();
    }

    @Test
    void readOnlyStoreRefusesChangesWithAMessage() {
        vm.detach();
        store.close();
        store = TrackingStore.open(dir.resolve("runs.db"), StoreOptions.readOnly());
        vm.attach(store);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        vm.rename(runs.get(0).id(), "nope");
        assertThat(vm.actionErrorProperty().get()).contains("read-only");
        assertThat(store.runs().require(runs.get(0).id()).name()).isEqualTo("lr-0.1");
    }

    @Test
    void loadsMoreThanOnePageOfRuns() {
        int n = RunPageLoader.FIRST_PAGE + 40;
        store.write(w -> {
            for (int i = 0; i < n; i++) {
                w.createRun(dev.cairn.store.model.NewRun.in("bulk").withName("r" + i)
                        .withTimes(TestStores.T0 + i, TestStores.T0 + i + 5));
            }
        });
        vm.reload();
        assertThat(vm.rows()).hasSize(n + 4);
        assertThat(vm.rows().stream().map(RunRow::id).distinct().count()).isEqualTo(n + 4);
    }
}
