package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deleting versions and models, and moving a version back to None (schema v6), on both backends. */
@ParameterizedClass
@EnumSource(Backend.class)
class RegistryDeleteTest extends StoreContract {
    private static final ChangeOptions ALICE = ChangeOptions.by("alice");

    @Test
    void aDeletedVersionIsGoneFromReadsLosesItsAliasesAndIsRecorded() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            for (int i = 0; i < 3; i++) {
                r.register(NewModelVersion.of("churn"), ALICE);
            }
            r.promote("churn", 2, Stage.PRODUCTION, r.expectCurrent("churn"), ALICE);
            r.setAlias("churn", "champion", 2, r.expectCurrent("churn"), ALICE);
            r.setAlias("churn", "other", 3, r.expectCurrent("churn"), ALICE);

            List<ModelEvent> events = r.deleteVersion("churn", 2, r.expectCurrent("churn"),
                    ChangeOptions.by("bob").at(5_000L));

            assertThat(events).extracting(ModelEvent::action)
                    .containsExactly(EventAction.REMOVE_ALIAS, EventAction.DELETE);
            ModelEvent deleted = events.get(1);
            assertThat(deleted.user()).isEqualTo("bob");
            assertThat(deleted.timeMs()).isEqualTo(5_000L);
            assertThat(deleted.describe()).isEqualTo("bob deleted version 2 (was Production)");
            assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 3);
            assertThatThrownBy(() -> r.version("churn", 2)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no version 2");
            assertThat(r.versionByAlias("churn", "champion")).isEmpty();
            assertThat(r.versionByAlias("churn", "other").orElseThrow().version()).isEqualTo(3);
            assertThat(r.state("churn").stages()).containsOnlyKeys(1, 3);
            assertThat(r.state("churn").holders(Stage.PRODUCTION)).isEmpty();
            assertThat(r.history("churn")).last().isEqualTo(deleted);
            assertThat(r.history("churn", 2)).extracting(ModelEvent::action).containsExactly(EventAction.REGISTER,
                    EventAction.PROMOTE, EventAction.SET_ALIAS, EventAction.REMOVE_ALIAS, EventAction.DELETE);
            // the number is never given again; no action reaches the deleted version
            assertThat(r.register(NewModelVersion.of("churn"), ALICE).version()).isEqualTo(4);
            assertThatThrownBy(() -> r.promote("churn", 2, Stage.STAGING, r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> r.deleteVersion("churn", 2, r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> r.setAlias("churn", "champion", 2, r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void rollbackNeverGoesBackToADeletedVersion() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            for (int v = 1; v <= 3; v++) {
                r.register(NewModelVersion.of("churn"), ALICE);
                r.promote("churn", v, Stage.PRODUCTION, r.expectCurrent("churn"), ALICE.archivingExisting());
                r.setAlias("churn", "champion", v, r.expectCurrent("churn"), ALICE);
            }
            r.deleteVersion("churn", 2, r.expectCurrent("churn"), ALICE);

            assertThat(r.previewRollback("churn", Stage.PRODUCTION)).isEqualTo(
                    new RollbackPreview(3, 1, Stage.ARCHIVED));
            RollbackResult stage = r.rollback("churn", Stage.PRODUCTION, r.expectCurrent("churn"), ALICE);
            assertThat(stage.restoredVersion()).isEqualTo(1);
            RollbackResult alias = r.rollbackAlias("churn", "champion", r.expectCurrent("churn"), ALICE);
            assertThat(alias.restoredVersion()).isEqualTo(1);
            // deleting the holder of a slot: nothing holds it, so nothing to roll back
            r.deleteVersion("churn", 1, r.expectCurrent("churn"), ALICE);
            assertThatThrownBy(() -> r.rollback("churn", Stage.PRODUCTION, r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(RegistryRefusedException.class);
            assertThatThrownBy(() -> r.rollbackAlias("churn", "champion", r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(RegistryRefusedException.class);
        }
    }

    @Test
    void deletingWithAStaleExpectationIsAConflictAndWritesNothing() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            r.register(NewModelVersion.of("churn"), ALICE);
            Expectation seen = r.expectCurrent("churn");
            r.promote("churn", 1, Stage.STAGING, r.expectCurrent("churn"), ChangeOptions.by("bob"));

            assertThatThrownBy(() -> r.deleteVersion("churn", 1, seen, ALICE))
                    .isInstanceOf(RegistryConflictException.class).hasMessageContaining("bob");
            assertThatThrownBy(() -> r.deleteModel("churn", seen, ALICE))
                    .isInstanceOf(RegistryConflictException.class);
            assertThat(r.versions("churn")).hasSize(1);
        }
    }

    @Test
    void importingAVersionDeletedHereChangesNothing() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            r.register(NewModelVersion.of("churn"), ALICE);
            r.deleteVersion("churn", 1, r.expectCurrent("churn"), ALICE);

            assertThat(r.importVersion(NewModelVersion.of("churn").withSource("s3://m/1"), 1, Stage.PRODUCTION, 10L,
                    ChangeOptions.by("mlflow"))).isFalse();
            assertThat(r.versions("churn")).isEmpty();
            assertThat(r.history("churn")).last().extracting(ModelEvent::action).isEqualTo(EventAction.DELETE);
        }
    }

    @Test
    void unstageMovesAVersionBackToNone() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            r.register(NewModelVersion.of("churn"), ALICE);
            r.promote("churn", 1, Stage.STAGING, r.expectCurrent("churn"), ALICE);

            List<ModelEvent> events = r.unstage("churn", 1, r.expectCurrent("churn"), ChangeOptions.by("bob"));

            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(EventAction.UNSTAGE);
                assertThat(e.describe()).isEqualTo("bob moved version 1 back to None (Staging \u2192 None)");
            });
            assertThat(r.version("churn", 1).stage()).isEqualTo(Stage.NONE);
            assertThat(r.history("churn")).last().isEqualTo(events.get(0));
            assertThatThrownBy(() -> r.unstage("churn", 1, r.expectCurrent("churn"), ALICE))
                    .isInstanceOf(RegistryRefusedException.class).hasMessageContaining("already None");
        }
    }

    @Test
    void aDeletedModelDisappearsAndItsNameCanBeRegisteredAgain() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry r = store.registry();
            r.register(NewModelVersion.of("churn"), ALICE);
            r.register(NewModelVersion.of("churn"), ALICE);
            r.promote("churn", 2, Stage.PRODUCTION, r.expectCurrent("churn"), ALICE);
            r.setAlias("churn", "champion", 2, r.expectCurrent("churn"), ALICE);
            r.setModelTag("churn", "team", "growth");
            r.createModel("kept", null);

            ModelEvent e = r.deleteModel("churn", r.expectCurrent("churn"), ChangeOptions.by("bob"));

            assertThat(e.action()).isEqualTo(EventAction.DELETE_MODEL);
            assertThat(e.user()).isEqualTo("bob");
            assertThat(r.model("churn")).isEmpty();
            assertThat(r.models()).extracting(RegisteredModel::name).containsExactly("kept");
            assertThat(r.models("chu")).isEmpty();
            assertThatThrownBy(() -> r.versions("churn")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> r.history("churn")).isInstanceOf(NotFoundException.class);
            assertThat(store.info().models()).isEqualTo(1);

            ModelVersion again = r.register(NewModelVersion.of("churn"), ALICE);
            assertThat(again.version()).isEqualTo(1);
            assertThat(again.aliases()).isEmpty();
            assertThat(r.requireModel("churn").tags()).isEmpty();
            assertThat(r.history("churn")).extracting(ModelEvent::action).containsExactly(EventAction.REGISTER);
            // deleted twice over: each tombstone keeps its own row
            r.deleteModel("churn", r.expectCurrent("churn"), ALICE);
            assertThat(r.createModel("churn", "third").description()).isEqualTo("third");
            assertThat(r.versions("churn")).isEmpty();
        }
    }
}
