package dev.cairn.viewer.runs;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunDetailViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsParamsMetricsSparklinesAndFamily() {
        try (TrackingStore store = TestStores.open(dir, "d.db")) {
            List<Run> runs = TestStores.populate(store);
            RunDetailViewModel vm = new RunDetailViewModel(new DirectTaskRunner());
            vm.attach(store);

            vm.show(runs.get(0).id());
            RunDetailData data = vm.dataProperty().get();
            assertThat(data.details().params()).containsEntry("model", "logreg");
            assertThat(data.details().metrics().get("loss").last()).isEqualTo(0.2);
            assertThat(data.sparklines().get("loss")).containsExactly(0.5, 0.4, 0.3, 0.2);
            assertThat(data.children()).extracting(Run::name).containsExactly("lr-0.001");
            assertThat(data.parent()).isNull();

            vm.show(runs.get(2).id());
            assertThat(vm.dataProperty().get().parent().name()).isEqualTo("lr-0.1");

            vm.show(null);
            assertThat(vm.dataProperty().get()).isNull();
        }
    }

    @Test
    void reloadsWhenTheShownRunChangesOnly() {
        try (TrackingStore store = TestStores.open(dir, "d.db")) {
            List<Run> runs = TestStores.populate(store);
            RunDetailViewModel vm = new RunDetailViewModel(new DirectTaskRunner());
            vm.attach(store);
            vm.show(runs.get(1).id());
            RunDetailData before = vm.dataProperty().get();
            store.runs().setNote(runs.get(1).id(), "checked");
            vm.runsChanged(List.of(runs.get(0).id()));
            assertThat(vm.dataProperty().get()).isSameAs(before);
            vm.runsChanged(List.of(runs.get(1).id()));
            assertThat(vm.dataProperty().get().details().run().note()).isEqualTo("checked");
        }
    }

    @Test
    void aMissingRunGivesAMessageNotAnException() {
        try (TrackingStore store = TestStores.open(dir, "d.db")) {
            RunDetailViewModel vm = new RunDetailViewModel(new DirectTaskRunner());
            vm.attach(store);
            vm.show("0123456789abcdef0123456789abcdef");
            assertThat(vm.errorProperty().get()).contains("no longer exists");
        }
    }
}
