package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.PostgresTestDatabases;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Run;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.cairn.store.registry.Expectation.aliasAt;
import static dev.cairn.store.registry.Expectation.stageHeldBy;
import static dev.cairn.store.registry.Expectation.versionIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class ModelRegistryTest extends StoreContract {
    TrackingStore store;
    ModelRegistry registry;
    Run run;

    @BeforeEach
    void open() {
        store = stores.open("s.db");
        registry = store.registry();
        run = store.runs().create(NewRun.in("churn").withName("lr-0.1"));
    }

    @Test
    void registerNumbersVersionsPerModelAndRecordsTheEvent() {
        ModelVersion v1 = registry.register(NewModelVersion.of("churn").fromRun(run.id())
                .withDescription("first").withTags(Map.of("team", "risk")), ChangeOptions.by("alice").at(1000L));
        ModelVersion v2 = registry.register(NewModelVersion.of("churn").withSource("s3://b/m"),
                ChangeOptions.by("bob"));
        ModelVersion other = registry.register(NewModelVersion.of("fraud"), ChangeOptions.by("bob"));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.runId()).isEqualTo(run.id());
        assertThat(v1.source()).isEqualTo("runs:/" + run.id() + "/model");
        assertThat(v1.stage()).isEqualTo(Stage.NONE);
        assertThat(v1.status()).isEqualTo(VersionStatus.READY);
        assertThat(v1.user()).isEqualTo("alice");
        assertThat(v1.createdMs()).isEqualTo(1000L);
        assertThat(v1.tags()).containsEntry("team", "risk");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.source()).isEqualTo("s3://b/m");
        assertThat(other.version()).isEqualTo(1);
        assertThat(registry.models()).extracting(RegisteredModel::name).containsExactly("churn", "fraud");
        assertThat(registry.models("FRA")).extracting(RegisteredModel::name).containsExactly("fraud");

        List<ModelEvent> history = registry.history("churn");
        assertThat(history).extracting(ModelEvent::action).containsExactly(EventAction.REGISTER, EventAction.REGISTER);
        assertThat(history.get(0).user()).isEqualTo("alice");
        assertThat(history.get(0).timeMs()).isEqualTo(1000L);
        assertThat(history.get(0).to()).isEqualTo("None");
    }

    @Test
    void registerFromAMissingRunFailsAndCreatesNothing() {
        assertThatThrownBy(() -> registry.register(NewModelVersion.of("churn").fromRun("0".repeat(32)),
                ChangeOptions.defaults())).isInstanceOf(NotFoundException.class).hasMessageContaining("0".repeat(32));
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void promoteMovesTheStageAndOptionallyArchivesTheHolders() {
        registerThree();
        registry.promote("churn", 1, Stage.PRODUCTION, versionIn(1, Stage.NONE), ChangeOptions.by("alice"));
        List<ModelEvent> events = registry.promote("churn", 2, Stage.PRODUCTION,
                versionIn(2, Stage.NONE).and(stageHeldBy(Stage.PRODUCTION, 1)),
                ChangeOptions.by("bob").archivingExisting().withComment("better AUC"));

        assertThat(events).extracting(ModelEvent::action).containsExactly(EventAction.PROMOTE, EventAction.ARCHIVE);
        assertThat(events.get(0).from()).isEqualTo("None");
        assertThat(events.get(0).to()).isEqualTo("Production");
        assertThat(events.get(0).comment()).isEqualTo("better AUC");
        assertThat(events.get(1).version()).isEqualTo(1);
        assertThat(events.get(1).detail()).isEqualTo("replaced by version 2");
        assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.PRODUCTION);

        registry.promote("churn", 3, Stage.PRODUCTION, versionIn(3, Stage.NONE), ChangeOptions.by("carol"));
        assertThat(registry.state("churn").holders(Stage.PRODUCTION)).containsExactly(2, 3);
        assertThat(registry.history("churn")).last().satisfies(e -> {
            assertThat(e.user()).isEqualTo("carol");
            assertThat(e.describe()).isEqualTo("carol promoted version 3 (None \u2192 Production)");
        });
    }

    @Test
    void promoteRefusesNonPromotableStagesAndNoOps() {
        registerThree();
        assertThatThrownBy(() -> registry.promote("churn", 1, Stage.ARCHIVED, versionIn(1, Stage.NONE),
                ChangeOptions.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archive");
        registry.promote("churn", 1, Stage.STAGING, versionIn(1, Stage.NONE), ChangeOptions.defaults());
        assertThatThrownBy(() -> registry.promote("churn", 1, Stage.STAGING, versionIn(1, Stage.STAGING),
                ChangeOptions.defaults())).isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("already Staging");
        assertThatThrownBy(() -> registry.promote("churn", 9, Stage.STAGING, Expectation.nothing(),
                ChangeOptions.defaults())).isInstanceOf(NotFoundException.class).hasMessageContaining("version 9");
        assertThat(registry.history("churn")).hasSize(4);
    }

    @Test
    void archiveRecordsFromAndTo() {
        registerThree();
        registry.promote("churn", 1, Stage.STAGING, versionIn(1, Stage.NONE), ChangeOptions.defaults());
        List<ModelEvent> events = registry.archive("churn", 1, versionIn(1, Stage.STAGING), ChangeOptions.by("dan"));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.ARCHIVE);
            assertThat(e.from()).isEqualTo("Staging");
            assertThat(e.to()).isEqualTo("Archived");
        });
        assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
        assertThatThrownBy(() -> registry.archive("churn", 1, versionIn(1, Stage.ARCHIVED),
                ChangeOptions.defaults())).isInstanceOf(RegistryRefusedException.class);
    }

    @Test
    void anAliasPointsAtOneVersionAndMovesWithItsHistory() {
        registerThree();
        registry.setAlias("churn", "champion", 1, aliasAt("champion", null), ChangeOptions.by("alice"));
        registry.setAlias("churn", "challenger", 2, aliasAt("challenger", null), ChangeOptions.by("alice"));
        List<ModelEvent> moved = registry.setAlias("churn", "champion", 2, aliasAt("champion", 1),
                ChangeOptions.by("bob"));

        assertThat(moved.get(0).from()).isEqualTo("1");
        assertThat(moved.get(0).to()).isEqualTo("2");
        assertThat(registry.version("churn", 1).aliases()).isEmpty();
        assertThat(registry.version("churn", 2).aliases()).containsExactly("challenger", "champion");
        assertThat(registry.versionByAlias("churn", "champion")).get().extracting(ModelVersion::version)
                .isEqualTo(2);

        registry.removeAlias("churn", "challenger", aliasAt("challenger", 2), ChangeOptions.by("bob"));
        assertThat(registry.state("churn").aliases()).containsOnlyKeys("champion");
        assertThat(registry.history("churn")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.REMOVE_ALIAS);
            assertThat(e.alias()).isEqualTo("challenger");
            assertThat(e.from()).isEqualTo("2");
            assertThat(e.to()).isNull();
        });
    }

    @Test
    void aliasNamesFollowMlflowRules() {
        registerThree();
        for (String bad : List.of("latest", "LATEST", "v1", "V42", "has space", "a/b", "")) {
            assertThatThrownBy(() -> registry.setAlias("churn", bad, 1, Expectation.nothing(),
                    ChangeOptions.defaults())).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("alias");
        }
        registry.setAlias("churn", "prod-candidate_2", 1, Expectation.nothing(), ChangeOptions.defaults());
        registry.setAlias("churn", "v1x", 1, Expectation.nothing(), ChangeOptions.defaults());
        assertThat(registry.state("churn").aliases()).containsOnlyKeys("prod-candidate_2", "v1x");
    }

    @Test
    void historyIsAppendOnlyEvenForRawSql() throws SQLException {
        registerThree();
        try (Connection c = rawConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE model_events SET user_name = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM model_events"))
                    .hasMessageContaining("append-only");
        }
        assertThat(registry.history("churn")).hasSize(3).allSatisfy(e -> assertThat(e.user()).isEqualTo("alice"));
    }

    @Test
    void descriptionsTagsAndStatusAreEditable() {
        registerThree();
        registry.setVersionDescription("churn", 2, "gradient boosting");
        registry.setVersionTag("churn", 2, "owner", "risk");
        registry.setVersionStatus("churn", 2, VersionStatus.FAILED);
        registry.setModelDescription("churn", "predicts churn");
        registry.setModelTag("churn", "domain", "crm");
        ModelVersion v = registry.version("churn", 2);
        assertThat(v.description()).isEqualTo("gradient boosting");
        assertThat(v.tags()).containsEntry("owner", "risk");
        assertThat(v.status()).isEqualTo(VersionStatus.FAILED);
        RegisteredModel m = registry.requireModel("churn");
        assertThat(m.description()).isEqualTo("predicts churn");
        assertThat(m.tags()).containsEntry("domain", "crm");
        assertThatThrownBy(() -> registry.createModel("churn", null)).isInstanceOf(RegistryRefusedException.class);
        assertThatThrownBy(() -> registry.version("nope", 1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'nope'");
    }

    private void registerThree() {
        for (int i = 0; i < 3; i++) {
            registry.register(NewModelVersion.of("churn").fromRun(run.id()), ChangeOptions.by("alice"));
        }
    }

    /** A plain JDBC connection to the store, past the store API (as another program would write). */
    private Connection rawConnection() throws SQLException {
        if (backend == Backend.POSTGRESQL) {
            return PostgresTestDatabases.Location.parse(stores.argument("s.db")).open();
        }
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
    }
}
