package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nesting, grouping and sorting of the visible rows, on a real store, without a stage. */
class RunTreeTest {
    @TempDir
    Path dir;

    private TrackingStore store;
    private RunsViewModel vm;

    @BeforeEach
    void setUp() {
        store = TestStores.open(dir, "tree.db");
        vm = new RunsViewModel(new DirectTaskRunner(), new ManualTicker());
    }

    @AfterEach
    void tearDown() {
        vm.detach();
        store.close();
    }

    private Run run(String name, int minute, String parent, Map<String, String> params) {
        Run r = store.runs().create(NewRun.in("sweep").withName(name).withParent(parent)
                .withTimes(TestStores.T0 + minute * 60_000L, TestStores.T0 + minute * 60_000L + 1000));
        store.runs().logParams(r.id(), params);
        return store.runs().require(r.id());
    }

    /** Visible rows as "name@depth" (groups as their label). */
    private List<String> shown() {
        return vm.visibleRows().stream()
                .map(r -> r.isGroup() ? "[" + r.groupLabel() + "]" : r.run().name() + "@" + r.depth()).toList();
    }

    private RunRow row(String name) {
        return vm.visibleRows().stream().filter(r -> !r.isGroup() && name.equals(r.run().name())).findFirst()
                .orElseThrow();
    }

    @Test
    void childrenAppearUnderTheirExpandedParentAtAnyDepth() {
        Run sweep = run("sweep", 0, null, Map.of("model", "tree"));
        Run trial = run("trial-1", 1, sweep.id(), Map.of("model", "tree"));
        run("fold-a", 2, trial.id(), Map.of("model", "tree"));
        run("trial-2", 3, sweep.id(), Map.of("model", "logreg"));
        run("solo", 4, null, Map.of("model", "logreg"));
        vm.attach(store);

        assertThat(shown()).containsExactly("solo@0", "sweep@0", "trial-2@1", "trial-1@1", "fold-a@2");
        assertThat(row("sweep").hasChildren()).isTrue();
        assertThat(row("sweep").isExpanded()).isTrue();
        assertThat(row("solo").hasChildren()).isFalse();
        assertThat(vm.rows()).hasSize(5);

        vm.toggle(row("trial-1"));
        assertThat(shown()).containsExactly("solo@0", "sweep@0", "trial-2@1", "trial-1@1");
        vm.toggle(row("sweep"));
        assertThat(shown()).containsExactly("solo@0", "sweep@0");
        assertThat(row("sweep").isExpanded()).isFalse();
        vm.toggle(row("sweep"));
        assertThat(shown()).containsExactly("solo@0", "sweep@0", "trial-2@1", "trial-1@1");
        vm.toggle(row("solo"));
        assertThat(shown()).hasSize(4);
    }

    @Test
    void aChildWhoseParentIsFilteredOutShowsAtTopLevel() {
        Run sweep = run("sweep", 0, null, Map.of("model", "none"));
        run("trial-1", 1, sweep.id(), Map.of("model", "tree"));
        run("trial-2", 2, sweep.id(), Map.of("model", "logreg"));
        vm.attach(store);
        vm.applyFilter("params.model = \"tree\"");
        assertThat(vm.filterErrorProperty().get()).isNull();
        assertThat(shown()).containsExactly("trial-1@0");
    }

    @Test
    void revealExpandsTheAncestorsOfANestedRun() {
        Run sweep = run("sweep", 0, null, Map.of());
        Run trial = run("trial", 1, sweep.id(), Map.of());
        Run fold = run("fold", 2, trial.id(), Map.of());
        vm.attach(store);
        vm.toggle(row("trial"));
        vm.toggle(row("sweep"));
        assertThat(shown()).containsExactly("sweep@0");
        assertThat(vm.reveal(fold.id())).isNotNull();
        assertThat(shown()).containsExactly("sweep@0", "trial@1", "fold@2");
        assertThat(vm.reveal("no-such-run")).isNull();
    }

    @Test
    void groupsTopLevelRunsByAParamWithCountsAndCollapse() {
        Run sweep = run("sweep", 0, null, Map.of("lr", "0.1"));
        run("trial", 1, sweep.id(), Map.of("lr", "0.5"));
        run("a", 2, null, Map.of("lr", "0.01"));
        run("b", 3, null, Map.of("lr", "0.1"));
        run("c", 4, null, Map.of());
        vm.attach(store);
        vm.setGroupBy(GroupBy.param("lr"));

        assertThat(shown()).containsExactly("[lr = 0.01 (1 run)]", "a@1", "[lr = 0.1 (3 runs)]", "b@1",
                "sweep@1", "trial@2", "[lr = (none) (1 run)]", "c@1");
        RunRow group = vm.visibleRows().get(2);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.groupCount()).isEqualTo(3);
        assertThat(group.id()).isNull();

        vm.toggle(group);
        assertThat(shown()).containsExactly("[lr = 0.01 (1 run)]", "a@1", "[lr = 0.1 (3 runs)]",
                "[lr = (none) (1 run)]", "c@1");
        assertThat(vm.visibleRows().get(2)).isSameAs(group);
        vm.toggle(group);
        assertThat(shown()).contains("sweep@1", "trial@2");

        vm.setGroupBy(null);
        assertThat(shown()).containsExactly("c@0", "b@0", "a@0", "sweep@0", "trial@1");
    }

    @Test
    void groupsByATagAndRemembersTheChoicePerExperiment() {
        Run a = run("a", 0, null, Map.of());
        run("b", 1, null, Map.of());
        store.runs().setTag(a.id(), "team", "risk");
        vm.attach(store);
        vm.setGroupBy(GroupBy.tag("team"));
        assertThat(shown()).containsExactly("[#team = risk (1 run)]", "a@1", "[#team = (none) (1 run)]", "b@1");

        long id = store.experiments().byName("sweep").orElseThrow().id();
        vm.setScope(new ExperimentItem(id, "sweep", 2, false));
        assertThat(vm.groupByProperty().get()).isNull();
        vm.setScope(ExperimentItem.all(2));
        assertThat(vm.groupByProperty().get()).isEqualTo(GroupBy.tag("team"));
        assertThat(GroupBy.parse(GroupBy.tag("team").id())).isEqualTo(GroupBy.tag("team"));
        assertThat(GroupBy.parse("none")).isNull();
    }

    @Test
    void sortsWithinGroupsAndAmongSiblings() {
        Run sweep = run("sweep", 0, null, Map.of("model", "tree", "lr", "1"));
        run("t-b", 1, sweep.id(), Map.of("lr", "0.2"));
        run("t-a", 2, sweep.id(), Map.of("lr", "10"));
        run("t-c", 3, sweep.id(), Map.of("lr", "3"));
        run("x", 4, null, Map.of("model", "tree", "lr", "5"));
        run("y", 5, null, Map.of("model", "logreg", "lr", "0.5"));
        vm.attach(store);
        ColumnSpec lr = ColumnSpec.param("lr");

        vm.setSort(List.of(SortKey.of(lr::value, false)));
        assertThat(shown()).containsExactly("y@0", "sweep@0", "t-b@1", "t-c@1", "t-a@1", "x@0");

        vm.setGroupBy(GroupBy.param("model"));
        vm.setSort(List.of(SortKey.of(lr::value, true)));
        assertThat(shown()).containsExactly("[model = logreg (1 run)]", "y@1", "[model = tree (5 runs)]", "x@1",
                "sweep@1", "t-a@2", "t-c@2", "t-b@2");
    }

    @Test
    void tableRunsListsNestedAndCollapsedRunsWithoutGroupHeaders() {
        Run sweep = run("sweep", 0, null, Map.of("lr", "1"));
        run("trial", 1, sweep.id(), Map.of("lr", "2"));
        vm.attach(store);
        vm.setGroupBy(GroupBy.param("lr"));
        vm.toggle(row("sweep"));
        assertThat(vm.tableRuns()).extracting(d -> d.run().name()).containsExactly("sweep", "trial");
        assertThat(shown()).containsExactly("[lr = 1 (2 runs)]", "sweep@1");
    }
}
