package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.cairn.store.registry.Expectation.aliasAt;
import static dev.cairn.store.registry.Expectation.versionIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class RollbackTest extends StoreContract {
    TrackingStore store;
    ModelRegistry registry;

    @BeforeEach
    void open() {
        store = stores.open("s.db");
        registry = store.registry();
        for (int i = 0; i < 4; i++) {
            registry.register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
        }
    }

    @Test
    void rollbackRestoresThePreviousHolderArchivesTheCurrentAndNamesBoth() {
        promote(1);
        promote(2);
        RollbackResult r = registry.rollback("churn", Stage.PRODUCTION, versionIn(2, Stage.PRODUCTION),
                ChangeOptions.by("bob").withComment("v2 drifts"));

        assertThat(r.restoredVersion()).isEqualTo(1);
        assertThat(r.replacedVersion()).isEqualTo(2);
        assertThat(stage(1)).isEqualTo(Stage.PRODUCTION);
        assertThat(stage(2)).isEqualTo(Stage.ARCHIVED);
        ModelEvent e = registry.history("churn").get(registry.history("churn").size() - 1);
        assertThat(e.action()).isEqualTo(EventAction.ROLLBACK);
        assertThat(e.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.replacedVersion()).isEqualTo(2);
        assertThat(e.from()).isEqualTo("Archived");
        assertThat(e.to()).isEqualTo("Production");
        assertThat(e.user()).isEqualTo("bob");
        assertThat(e.comment()).isEqualTo("v2 drifts");
        assertThat(e.describe()).isEqualTo("bob rolled back Production from version 2 to version 1");
        assertThat(registry.history("churn", 2)).extracting(ModelEvent::action)
                .containsExactly(EventAction.REGISTER, EventAction.PROMOTE, EventAction.ROLLBACK);
    }

    @Test
    void rollingBackTwiceWalksFurtherBackAndThenRefuses() {
        promote(1);
        promote(2);
        promote(3);
        assertThat(registry.previewRollback("churn", Stage.PRODUCTION))
                .isEqualTo(new RollbackPreview(3, 2, Stage.ARCHIVED));

        rollback(3);
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(2);
        rollback(2);
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(1);
        assertThat(stage(2)).isEqualTo(Stage.ARCHIVED);
        assertThat(stage(3)).isEqualTo(Stage.ARCHIVED);

        assertThatThrownBy(() -> rollback(1)).isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("no version held Production before version 1");
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(1);
    }

    @Test
    void aRolledBackTenureIsSkippedAfterANewPromotion() {
        promote(1);
        promote(2);
        rollback(2);
        promote(3);
        assertThat(SlotHistory.ofStage(registry.history("churn"), Stage.PRODUCTION).holders())
                .containsExactly(1, 3);
        rollback(3);
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(1);
        assertThat(stage(2)).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    void aRepromotedVersionReturnsToTheOneBeforeIt() {
        promote(1);
        promote(2);
        promote(1);
        rollback(1);
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(2);
        rollback(2);
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(1);
    }

    @Test
    void rollbackOfAnEmptyStageIsRefusedAndWritesNothing() {
        promote(1);
        registry.archive("churn", 1, versionIn(1, Stage.PRODUCTION), ChangeOptions.by("alice"));
        int before = registry.history("churn").size();
        assertThatThrownBy(() -> registry.rollback("churn", Stage.PRODUCTION, Expectation.nothing(),
                ChangeOptions.defaults())).isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("no version holds Production");
        assertThat(registry.history("churn")).hasSize(before);
    }

    @Test
    void stagingRollsBackToo() {
        registry.promote("churn", 1, Stage.STAGING, versionIn(1, Stage.NONE), ChangeOptions.by("a"));
        registry.promote("churn", 2, Stage.STAGING, versionIn(2, Stage.NONE), ChangeOptions.by("a").archivingExisting());
        registry.rollback("churn", Stage.STAGING, versionIn(2, Stage.STAGING), ChangeOptions.by("a"));
        assertThat(stage(1)).isEqualTo(Stage.STAGING);
        assertThat(stage(2)).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    void aliasRollbackChainsWalkBack() {
        alias(1, null);
        alias(2, 1);
        alias(4, 2);
        RollbackResult first = registry.rollbackAlias("churn", "champion", aliasAt("champion", 4),
                ChangeOptions.by("bob"));
        assertThat(first.restoredVersion()).isEqualTo(2);
        assertThat(first.replacedVersion()).isEqualTo(4);
        assertThat(first.event().alias()).isEqualTo("champion");
        assertThat(first.event().from()).isEqualTo("4");
        assertThat(first.event().to()).isEqualTo("2");
        assertThat(first.event().describe()).isEqualTo("bob rolled back alias 'champion' from version 4 to version 2");
        assertThat(stage(4)).isEqualTo(Stage.NONE);

        registry.rollbackAlias("churn", "champion", aliasAt("champion", 2), ChangeOptions.by("bob"));
        assertThat(registry.state("churn").aliasTarget("champion")).isEqualTo(1);
        assertThatThrownBy(() -> registry.rollbackAlias("churn", "champion", aliasAt("champion", 1),
                ChangeOptions.by("bob"))).isInstanceOf(RegistryRefusedException.class);

        alias(3, 1);
        registry.rollbackAlias("churn", "champion", aliasAt("champion", 3), ChangeOptions.by("bob"));
        assertThat(registry.state("churn").aliasTarget("champion")).isEqualTo(1);
    }

    @Test
    void aStaleRollbackExpectationConflicts() {
        promote(1);
        promote(2);
        rollback(2);
        assertThatThrownBy(() -> rollback(2)).isInstanceOf(RegistryConflictException.class)
                .hasMessageContaining("expected version 2 is Production")
                .hasMessageContaining("it is Archived")
                .hasMessageContaining("alice rolled back Production from version 2 to version 1");
    }

    private void promote(int version) {
        registry.promote("churn", version, Stage.PRODUCTION, Expectation.versionIn(version, stage(version)),
                ChangeOptions.by("alice").archivingExisting());
    }

    private void rollback(int current) {
        registry.rollback("churn", Stage.PRODUCTION, versionIn(current, Stage.PRODUCTION), ChangeOptions.by("alice"));
    }

    private void alias(int version, Integer from) {
        registry.setAlias("churn", "champion", version, aliasAt("champion", from), ChangeOptions.by("alice"));
    }

    private Stage stage(int version) {
        return registry.version("churn", version).stage();
    }
}
