package dev.cairn.store;

import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class ExperimentRenameTest extends StoreContract {
    @Test
    void renameKeepsIdAndRunsAndRefusesTakenOrMissingNames() {
        try (TrackingStore store = stores.open("s.db")) {
            Run run = store.runs().create(NewRun.in("churn"));
            store.experiments().create("taken", null);
            long id = store.experiments().byName("churn").orElseThrow().id();

            store.experiments().rename("churn", "churn-v2");

            assertThat(store.experiments().byId(id).orElseThrow().name()).isEqualTo("churn-v2");
            assertThat(store.experiments().byName("churn")).isEmpty();
            assertThat(store.runs().require(run.id()).experimentName()).isEqualTo("churn-v2");
            assertThatThrownBy(() -> store.experiments().rename("churn-v2", "taken"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> store.experiments().rename("nope", "x"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
            assertThatThrownBy(() -> store.experiments().rename("churn-v2", " "))
                    .isInstanceOf(IllegalArgumentException.class);
            store.experiments().rename("churn-v2", "churn-v2");
            assertThat(store.experiments().byId(id).orElseThrow().name()).isEqualTo("churn-v2");
        }
    }
}
