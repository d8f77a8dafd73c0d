package dev.cairn.viewer.runs;

import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsExperimentsWithCountsSearchAndDeleted() {
        try (TrackingStore store = TestStores.open(dir, "e.db")) {
            TestStores.populate(store);
            store.experiments().create("old", null);
            store.experiments().delete("old");
            ExperimentsViewModel vm = new ExperimentsViewModel(new DirectTaskRunner());
            vm.attach(store);

            assertThat(vm.visibleItems()).extracting(ExperimentItem::name)
                    .containsExactly("All experiments", "churn", "vision");
            assertThat(vm.visibleItems()).extracting(ExperimentItem::runCount).containsExactly(4L, 3L, 1L);
            assertThat(vm.selectedProperty().get().isAll()).isTrue();

            vm.searchProperty().set("VIS");
            assertThat(vm.visibleItems()).extracting(ExperimentItem::name)
                    .containsExactly("All experiments", "vision");

            vm.searchProperty().set("");
            vm.showDeletedProperty().set(true);
            assertThat(vm.visibleItems()).filteredOn(ExperimentItem::deleted).extracting(ExperimentItem::name)
                    .containsExactly("old");
        }
    }

    @Test
    void reloadKeepsTheSelectedExperiment() {
        try (TrackingStore store = TestStores.open(dir, "e.db")) {
            TestStores.populate(store);
            ExperimentsViewModel vm = new ExperimentsViewModel(new DirectTaskRunner());
            vm.attach(store);
            vm.selectedProperty().set(vm.items().get(2));
            vm.reload();
            assertThat(vm.selectedProperty().get().name()).isEqualTo("vision");
        }
    }
}
