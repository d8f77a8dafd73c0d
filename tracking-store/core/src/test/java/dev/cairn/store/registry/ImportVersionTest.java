package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Backend.class)
class ImportVersionTest extends StoreContract {
    TrackingStore store;
    ModelRegistry registry;

    @BeforeEach
    void open() {
        store = stores.open("s.db");
        registry = store.registry();
    }

    @Test
    void importedVersionsKeepNumbersStagesTimesAndRecordImportEvents() {
        ChangeOptions mlflow = new ChangeOptions("carol", null, 1_000L, false, false);
        assertThat(registry.importVersion(NewModelVersion.of("wine").withSource("s3://m/2"), 2, Stage.PRODUCTION,
                5_000L, mlflow)).isTrue();
        assertThat(registry.importVersion(NewModelVersion.of("wine"), 4, Stage.NONE, 1_000L, mlflow)).isTrue();
        assertThat(registry.importAlias("wine", "champion", 2, mlflow.at(6_000L))).isTrue();

        ModelVersion v2 = registry.version("wine", 2);
        assertThat(v2.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(v2.createdMs()).isEqualTo(1_000L);
        assertThat(v2.updatedMs()).isEqualTo(5_000L);
        assertThat(v2.source()).isEqualTo("s3://m/2");
        assertThat(v2.aliases()).containsExactly("champion");
        assertThat(registry.versions("wine")).extracting(ModelVersion::version).containsExactly(2, 4);
        assertThat(registry.history("wine")).extracting(ModelEvent::action).containsOnly(EventAction.IMPORT);
        ModelEvent first = registry.history("wine").get(0);
        assertThat(first.user()).isEqualTo("carol");
        assertThat(first.timeMs()).isEqualTo(5_000L);
        assertThat(first.describe()).isEqualTo("imported version 2 in Production (by carol)");

        int events = registry.history("wine").size();
        assertThat(registry.importVersion(NewModelVersion.of("wine"), 2, Stage.PRODUCTION, 5_000L, mlflow)).isFalse();
        assertThat(registry.importAlias("wine", "champion", 2, mlflow)).isFalse();
        assertThat(registry.history("wine")).hasSize(events);

        assertThat(registry.importVersion(NewModelVersion.of("wine"), 2, Stage.ARCHIVED, 7_000L, mlflow)).isTrue();
        assertThat(registry.version("wine", 2).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.history("wine")).hasSize(events + 1);
    }

    @Test
    void anImportedProductionVersionCanBeRolledBackToAfterAPromotion() {
        ChangeOptions mlflow = new ChangeOptions("carol", null, 1_000L, false, false);
        registry.importVersion(NewModelVersion.of("wine"), 1, Stage.PRODUCTION, 2_000L, mlflow);
        registry.importVersion(NewModelVersion.of("wine"), 2, Stage.NONE, 3_000L, mlflow);
        registry.promote("wine", 2, Stage.PRODUCTION, registry.expectCurrent("wine"),
                ChangeOptions.by("dan").archivingExisting());

        RollbackResult r = registry.rollback("wine", Stage.PRODUCTION, registry.expectCurrent("wine"),
                ChangeOptions.by("dan"));

        assertThat(r.restoredVersion()).isEqualTo(1);
        assertThat(registry.version("wine", 1).stage()).isEqualTo(Stage.PRODUCTION);
    }
}
