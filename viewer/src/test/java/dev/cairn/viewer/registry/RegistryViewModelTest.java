package dev.cairn.viewer.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.PromotionRule;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryViewModelTest {
    @TempDir
    Path dir;
    TrackingStore store;
    RegistryViewModel vm;
    final List<String> runIds = new ArrayList<>();

    @BeforeEach
    void open() {
        store = TrackingStore.open(dir.resolve("s.db"));
        Run parent = store.runs().create(NewRun.in("churn").withName("sweep"));
        for (double auc : new double[] {0.80, 0.85, 0.83}) {
            Run run = store.runs().create(NewRun.in("churn").withName("auc-" + auc).withParent(parent.id()));
            store.metrics().append(run.id(), "auc", 1, 1L, auc);
            store.runs().addInputs(run.id(), List.of(new DatasetInput("customers", "d1", "s3://data", null, "train")));
            runIds.add(run.id());
            store.registry().register(NewModelVersion.of("churn").fromRun(run.id()), ChangeOptions.by("alice"));
        }
        store.registry().register(NewModelVersion.of("fraud"), ChangeOptions.by("alice"));
        store.registry().promote("churn", 1, Stage.PRODUCTION, Expectation.versionIn(1, Stage.NONE),
                ChangeOptions.by("alice"));
        store.registry().setPromotionRule("churn", new PromotionRule("auc", PromotionRule.Goal.MAX));
        vm = new RegistryViewModel(store, new dev.cairn.viewer.common.DirectTaskRunner(), "tester");
        vm.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsModelsWithProductionAndSearches() {
        assertThat(vm.models()).extracting(ModelItem::name).containsExactly("churn", "fraud");
        assertThat(vm.models().get(0).production()).isEqualTo("v1");
        assertThat(vm.selectedModel().get().name()).isEqualTo("churn");
        vm.search().set("fra");
        assertThat(vm.models()).extracting(ModelItem::name).containsExactly("fraud");
        assertThat(vm.selectedModel().get().name()).isEqualTo("fraud");
    }

    @Test
    void versionsCarryKeyMetricsAndTheDetailHasHistoryAndLineage() {
        assertThat(vm.metricColumns()).containsExactly("auc");
        assertThat(vm.versions()).extracting(VersionRow::number).containsExactly(1, 2, 3);
        assertThat(vm.versions().get(1).metrics()).containsEntry("auc", 0.85);
        assertThat(vm.versions().get(0).runName()).isEqualTo("auc-0.8");
        vm.selectedVersion().set(vm.versions().get(0));
        VersionDetail d = vm.detail().get();
        assertThat(d.history()).extracting(e -> e.action()).containsExactly(EventAction.PROMOTE, EventAction.REGISTER);
        assertThat(d.inputs()).extracting(DatasetInput::name).containsExactly("customers");
        assertThat(d.parentRun().name()).isEqualTo("sweep");
    }

    @Test
    void theModelHistoryKeepsDeletedVersionsAndMovesBackToNone() {
        store.registry().promote("churn", 2, Stage.STAGING, Expectation.nothing(), ChangeOptions.by("bob"));
        store.registry().unstage("churn", 2, Expectation.versionIn(2, Stage.STAGING),
                ChangeOptions.by("bob").withComment("not ready"));
        store.registry().deleteVersion("churn", 3, Expectation.versionIn(3, Stage.NONE),
                ChangeOptions.by("carol").withComment("bad data"));
        vm.reload();

        assertThat(vm.versions()).extracting(VersionRow::number).containsExactly(1, 2);
        assertThat(vm.modelHistory()).extracting(e -> e.action()).startsWith(EventAction.DELETE,
                EventAction.UNSTAGE, EventAction.PROMOTE).endsWith(EventAction.REGISTER);
        assertThat(vm.modelHistory()).hasSize(store.registry().history("churn").size());
        assertThat(vm.modelHistory().get(0)).satisfies(e -> {
            assertThat(e.user()).isEqualTo("carol");
            assertThat(e.comment()).isEqualTo("bad data");
            assertThat(ModelHistoryTable.what(e)).isEqualTo("deleted version 3 (was None)");
        });
        assertThat(ModelHistoryTable.what(vm.modelHistory().get(1)))
                .isEqualTo("moved version 2 back to None (Staging \u2192 None)");

        vm.selectVersionOf(vm.modelHistory().get(1));
        assertThat(vm.selectedVersion().get().number()).isEqualTo(2);
        vm.selectVersionOf(vm.modelHistory().get(0));
        assertThat(vm.selectedVersion().get().number()).isEqualTo(2);
        assertThat(vm.message().get()).isEqualTo("Version 3 was deleted; its events stay in the history.");

        vm.search().set("fraud");
        assertThat(vm.modelHistory()).extracting(e -> e.action()).containsExactly(EventAction.REGISTER);
    }

    @Test
    void promoteShowsExactlyWhatChangesThenRecordsTheComment() {
        vm.selectedVersion().set(vm.versions().get(1));
        vm.startPromote(Stage.PRODUCTION);
        PendingAction a = vm.pending().get();
        assertThat(a.changes()).containsExactly("Version 2: None \u2192 Production",
                "Version 1: Production \u2192 Archived", "Checked against the promotion rule: auc (max)");
        a.archiveExisting().set(false);
        assertThat(a.changes()).contains("Version 1 stays in Production");
        a.archiveExisting().set(true);
        a.comment().set("better auc");
        vm.confirm();

        assertThat(vm.pending().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("tester promoted version 2 (None \u2192 Production) (+1 more)");
        assertThat(store.registry().state("churn").holders(Stage.PRODUCTION)).containsExactly(2);
        assertThat(store.registry().history("churn", 2)).last().satisfies(e ->
                assertThat(e.comment()).isEqualTo("better auc"));
        assertThat(vm.models().get(0).production()).isEqualTo("v2");
    }

    @Test
    void aWorsePromotionIsRefusedUntilForced() {
        store.registry().promote("churn", 2, Stage.PRODUCTION, Expectation.versionIn(2, Stage.NONE),
                ChangeOptions.by("alice").archivingExisting());
        vm.reload();
        vm.selectedVersion().set(vm.versions().get(2));
        vm.startPromote(Stage.PRODUCTION);
        vm.confirm();
        assertThat(vm.message().get()).startsWith("Promotion refused");
        assertThat(vm.pending().get()).isNotNull();
        vm.pending().get().force().set(true);
        vm.confirm();
        assertThat(store.registry().history("churn", 3)).last().satisfies(e -> assertThat(e.forced()).isTrue());
    }

    @Test
    void aChangeByAnotherUserMeanwhileIsAConflictAndNothingIsWritten() {
        vm.selectedVersion().set(vm.versions().get(1));
        vm.startPromote(Stage.PRODUCTION);
        store.registry().promote("churn", 3, Stage.PRODUCTION, Expectation.versionIn(3, Stage.NONE),
                ChangeOptions.by("bob").archivingExisting());
        int events = store.registry().history("churn").size();
        vm.confirm();
        assertThat(vm.message().get()).contains("bob").contains("Nothing was changed");
        assertThat(store.registry().history("churn")).hasSize(events);
    }

    @Test
    void rollbackAndAliasesThroughTheViewModel() {
        vm.selectedVersion().set(vm.versions().get(1));
        vm.startPromote(Stage.PRODUCTION);
        vm.confirm();
        vm.startRollback(Stage.PRODUCTION);
        assertThat(vm.pending().get().changes()).containsExactly("Production: version 2 \u2192 version 1",
                "Version 2: Production \u2192 Archived", "Version 1: Archived \u2192 Production");
        vm.confirm();
        assertThat(store.registry().state("churn").holders(Stage.PRODUCTION)).containsExactly(1);

        vm.selectedVersion().set(vm.versions().get(2));
        vm.startSetAlias();
        vm.pending().get().alias().set("latest");
        assertThat(vm.pending().get().problem().get()).contains("reserved");
        vm.pending().get().alias().set("champion");
        assertThat(vm.pending().get().problem().get()).isEmpty();
        assertThat(vm.pending().get().changes()).containsExactly("Alias 'champion': (new) \u2192 version 3");
        vm.confirm();
        assertThat(store.registry().state("churn").aliasTarget("champion")).isEqualTo(3);
        assertThat(vm.models().get(0).aliases()).containsExactly("champion \u2192 v3");
    }

    @Test
    void moveToNoneSaysWhatChangesAndIsRecordedInTheModelHistory() {
        vm.selectedVersion().set(vm.versions().get(0));
        vm.startUnstage();
        PendingAction a = vm.pending().get();
        assertThat(a.title()).isEqualTo("Move version 1 to None");
        assertThat(a.problem().get()).isEmpty();
        assertThat(a.changes()).containsExactly("Version 1: Production \u2192 None",
                "No version will be in Production: nothing is live");
        a.comment().set("rolled out too early");
        vm.confirm();

        assertThat(vm.pending().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("tester moved version 1 back to None (Production \u2192 None)");
        assertThat(store.registry().version("churn", 1).stage()).isEqualTo(Stage.NONE);
        assertThat(store.registry().history("churn", 1)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EventAction.UNSTAGE);
            assertThat(e.user()).isEqualTo("tester");
            assertThat(e.comment()).isEqualTo("rolled out too early");
        });
        assertThat(vm.modelHistory().get(0).action()).isEqualTo(EventAction.UNSTAGE);
        assertThat(vm.models().get(0).production()).isEmpty();

        vm.startUnstage(); // version 1 is still selected, now in None
        assertThat(vm.pending().get().problem().get()).isEqualTo("Version 1 is already in None.");
        int events = store.registry().history("churn").size();
        vm.confirm();
        assertThat(store.registry().history("churn")).hasSize(events);
    }

    @Test
    void deletingTheProductionVersionSaysItIsLiveDropsItsAliasAndIsRecorded() {
        store.registry().setAlias("churn", "champion", 1, Expectation.nothing(), ChangeOptions.by("alice"));
        vm.reload();
        vm.selectedVersion().set(vm.versions().get(0));
        vm.startDelete();
        PendingAction a = vm.pending().get();
        assertThat(a.title()).isEqualTo("Delete version 1");
        assertThat(a.changes()).containsExactly("Version 1 (Production) is deleted; its number is not reused",
                "It is live in Production: no version will be in Production", "Alias 'champion' is removed",
                "Its events stay in the model history; rollbacks skip it");
        a.comment().set("leaked test data");
        vm.confirm();

        assertThat(vm.pending().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("tester deleted version 1 (was Production) (+1 more)");
        assertThat(store.registry().versions("churn")).extracting(v -> v.version()).containsExactly(2, 3);
        assertThat(store.registry().state("churn").aliasTarget("champion")).isNull();
        assertThat(vm.versions()).extracting(VersionRow::number).containsExactly(2, 3);
        assertThat(vm.modelHistory()).extracting(e -> e.action()).startsWith(EventAction.DELETE,
                EventAction.REMOVE_ALIAS);
        assertThat(vm.modelHistory().get(0)).satisfies(e -> {
            assertThat(e.user()).isEqualTo("tester");
            assertThat(e.comment()).isEqualTo("leaked test data");
            assertThat(ModelHistoryTable.what(e)).isEqualTo("deleted version 1 (was Production)");
        });
    }

    @Test
    void aDeletionRacedByAnotherUserIsRefusedAndNothingIsWritten() {
        vm.selectedVersion().set(vm.versions().get(1));
        vm.startDelete();
        assertThat(vm.pending().get().changes()).containsExactly(
                "Version 2 (None) is deleted; its number is not reused",
                "Its events stay in the model history; rollbacks skip it");
        store.registry().promote("churn", 2, Stage.STAGING, Expectation.versionIn(2, Stage.NONE),
                ChangeOptions.by("bob"));
        int events = store.registry().history("churn").size();
        vm.confirm();
        assertThat(vm.message().get()).contains("bob").contains("Nothing was changed");
        assertThat(vm.pending().get()).as("the sheet stays, showing why").isNotNull();
        assertThat(store.registry().history("churn")).hasSize(events);
        assertThat(store.registry().versions("churn")).hasSize(3);
    }

    @Test
    void registerFromARunAndCompareOpenTheirTargets() {
        vm.startRegister(runIds.get(2), "churn-v2");
        assertThat(vm.pending().get().changes()).containsExactly("New model 'churn-v2'",
                "Version 1 of churn-v2 from run " + runIds.get(2) + " (source runs:/" + runIds.get(2) + "/model)");
        vm.confirm();
        assertThat(store.registry().versions("churn-v2")).hasSize(1);

        List<List<String>> compared = new ArrayList<>();
        vm.setOnCompareRuns(compared::add);
        vm.search().set("");
        vm.selectedModel().set(vm.models().get(0));
        vm.compare(List.of(vm.versions().get(0), vm.versions().get(1)));
        assertThat(compared).containsExactly(List.of(runIds.get(0), runIds.get(1)));
    }
}
