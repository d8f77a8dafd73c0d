package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class RenameModelTest extends StoreContract {
    @Test
    void renamedModelKeepsVersionsAliasesHistoryAndRollback() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            r.register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            r.register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            r.createModel("taken", null);
            r.promote("churn", 1, Stage.PRODUCTION, r.expectCurrent("churn"), ChangeOptions.by("alice"));
            r.promote("churn", 2, Stage.PRODUCTION, r.expectCurrent("churn"),
                    ChangeOptions.by("alice").archivingExisting());
            r.setAlias("churn", "champion", 2, r.expectCurrent("churn"), ChangeOptions.by("alice"));

            r.renameModel("churn", "churn-v2");

            assertThat(r.model("churn")).isEmpty();
            assertThat(r.versions("churn-v2")).hasSize(2);
            assertThat(r.versionByAlias("churn-v2", "champion").orElseThrow().version()).isEqualTo(2);
            assertThat(r.history("churn-v2")).hasSize(6);
            RollbackResult back = r.rollback("churn-v2", Stage.PRODUCTION, r.expectCurrent("churn-v2"),
                    ChangeOptions.by("bob"));
            assertThat(back.restoredVersion()).isEqualTo(1);
            assertThatThrownBy(() -> r.renameModel("churn-v2", "taken")).isInstanceOf(RegistryRefusedException.class);
            assertThatThrownBy(() -> r.renameModel("nope", "x")).isInstanceOf(NotFoundException.class);
        }
    }
}
