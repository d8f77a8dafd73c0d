package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.viewer.common.BackgroundJob;
import dev.cairn.viewer.common.BackgroundWork;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.common.GroupBy;
import dev.cairn.viewer.runs.ColumnSpec;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.testing.TestStores;
import dev.cairn.store.model.MetricAggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    @TempDir
    Path dir;

    private final SettingsStore.InMemory settings = new SettingsStore.InMemory();
    private ShellViewModel vm;

    private ShellViewModel shell(WelcomeActions actions) {
        vm = new ShellViewModel(new DirectTaskRunner(), new ManualTicker(), settings, actions);
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.shutdown();
        }
    }

    @Test
    void openingAStoreWithRunsShowsTheBrowserAndTitle() {
        Path file = dir.resolve("team.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.BROWSER);
        assertThat(vm.titleProperty().get()).isEqualTo("Cairn — team.db");
        assertThat(vm.modeProperty().get()).isEqualTo(StoreMode.LOCAL);
        assertThat(vm.runs().rows()).hasSize(4);
        assertThat(vm.recentStores()).containsExactly(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void anEmptyStoreShowsTheWelcomeAndDemoDataFillsIt() {
        AtomicInteger calls = new AtomicInteger();
        WelcomeActions demo = new WelcomeActions() {
            @Override
            public boolean canLoadDemoData() {
                return true;
            }

            @Override
            public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
                calls.incrementAndGet();
                TestStores.populate(store);
                progress.accept(1.0);
            }
        };
        shell(demo).openStore(dir.resolve("new.db"), StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.WELCOME);
        vm.loadDemoData();
        assertThat(calls).hasValue(1);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.BROWSER);
        assertThat(vm.runs().rows()).hasSize(4);
        assertThat(vm.noticeProperty().get()).isEqualTo("Demo data loaded.");
    }

    @Test
    void aFileThatIsNoStoreGivesAFriendlyError() throws Exception {
        Path bogus = dir.resolve("notes.db");
        Files.writeString(bogus, "this is not a database, just some text that is long enough to matter\n".repeat(20));
        shell(null).openStore(bogus, StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains("notes.db").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(vm.store()).isNull();
    }

    @Test
    void aMissingStoreOpenedReadOnlyIsAnError() {
        shell(null).openStore(dir.resolve("missing.db"), StoreMode.READ_ONLY);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains("missing.db");
    }

    @Test
    void columnsAreRememberedPerExperiment() {
        Path file = dir.resolve("cols.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.experiments().selectedProperty().set(vm.experiments().items().get(1));
        vm.runs().columns().setAll(List.of(ColumnSpec.param("lr"), ColumnSpec.metric("loss", MetricAggregate.MIN)));
        vm.experiments().selectedProperty().set(vm.experiments().items().get(0));
        assertThat(vm.runs().columns()).as("All experiments: the defaults, the metric every run has")
                .containsExactly(ColumnSpec.metric("loss", MetricAggregate.LAST));
        vm.experiments().selectedProperty().set(vm.experiments().items().get(1));
        assertThat(vm.runs().columns()).containsExactly(ColumnSpec.param("lr"),
                ColumnSpec.metric("loss", MetricAggregate.MIN));
        assertThat(settings.load().getColumns().get("churn")).containsExactly("param:lr", "metric:min:loss");
        assertThat(settings.load().getColumns()).as("defaults are not remembered").doesNotContainKey("");
    }

    @Test
    void withoutChosenColumnsAnExperimentShowsItsMetricsAndTheParamsThatDiffer() {
        Path file = dir.resolve("defaults.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.experiments().items().stream().filter(e -> "churn".equals(e.name())).findFirst()
                .ifPresent(e -> vm.experiments().selectedProperty().set(e));
        assertThat(vm.runs().columns()).containsExactly(ColumnSpec.metric("loss", MetricAggregate.LAST),
                ColumnSpec.param("lr"), ColumnSpec.param("model"));
    }

    @Test
    void groupByIsRememberedPerExperimentInTheSettings() {
        Path file = dir.resolve("groups.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.experiments().selectedProperty().set(vm.experiments().items().get(1));
        String churn = vm.experiments().items().get(1).name();
        vm.runs().setGroupBy(GroupBy.param("model"));
        assertThat(settings.load().getGroupBy()).containsEntry(churn, "param:model");
        vm.experiments().selectedProperty().set(vm.experiments().items().get(0));
        assertThat(vm.runs().groupByProperty().get()).isNull();
        vm.shutdown();

        shell(null).openStore(file, StoreMode.LOCAL);
        vm.experiments().selectedProperty().set(vm.experiments().items().get(1));
        assertThat(vm.runs().groupByProperty().get()).isEqualTo(GroupBy.param("model"));
        vm.runs().setGroupBy(null);
        assertThat(settings.load().getGroupBy()).doesNotContainKey(churn);
    }

    @Test
    void hyperparametersAndDriftAreScreensLikeTheOthers() {
        Path file = dir.resolve("screens.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.toggleHyperparameters();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.HPARAMS);
        assertThat(vm.hparamsProperty().get().runCount()).isEqualTo(4);
        vm.toggleHyperparameters();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.BROWSER);
        assertThat(vm.driftAvailable()).isFalse();
        vm.toggleDrift();
        assertThat(vm.screenProperty().get()).as("no drift reports without the plugin").isEqualTo(Screen.BROWSER);
        java.util.List<java.util.List<String>> compared = new java.util.ArrayList<>();
        vm.setCompareHandler(compared::add);
        vm.compare(List.of("a", "b"));
        assertThat(compared).containsExactly(List.of("a", "b"));
        vm.closeStore();
        assertThat(vm.hparamsProperty().get()).isNull();
    }

    @Test
    void themeToggleIsSaved() {
        shell(null).toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(settings.load().getTheme()).isEqualTo("dark");
    }

    @Test
    void closingForgetsTheStore() {
        Path file = dir.resolve("c.db");
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.closeStore();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.NO_STORE);
        assertThat(vm.titleProperty().get()).isEqualTo("Cairn");
        assertThat(vm.store()).isNull();
    }

    @Test
    void aForcedThemeIsNotSavedButAChosenOneIs() {
        shell(null);
        vm.forceTheme(Theme.DARK);
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(settings.load().getTheme()).isNotEqualTo("dark");
        vm.themeProperty().set(Theme.LIGHT);
        vm.themeProperty().set(Theme.DARK);
        assertThat(settings.load().getTheme()).isEqualTo("dark");
    }

    @Test
    void registeringARunAddsTheNextVersionAndSaysSo() {
        Path file = dir.resolve("models.db");
        String runId;
        try (TrackingStore store = TrackingStore.open(file)) {
            runId = TestStores.populate(store).get(0).id();
        }
        shell(null).openStore(file, StoreMode.LOCAL);
        vm.registerModel(runId, "churn", "runs:/" + runId + "/clf");
        vm.registerModel(runId, "churn", null);
        assertThat(vm.noticeProperty().get()).isEqualTo("Registered churn version 2 from run " + runId + ".");
        java.util.List<String> names = new java.util.ArrayList<>();
        vm.loadModelNames(names::addAll);
        assertThat(names).containsExactly("churn");
        assertThat(vm.store().registry().version("churn", 1).source()).isEqualTo("runs:/" + runId + "/clf");
        assertThat(vm.store().registry().version("churn", 2).runId()).isEqualTo(runId);

        vm.registerModel(runId, " spaced ", null);
        assertThat(vm.noticeProperty().get()).startsWith("Cannot register the model: ").contains("spaces");
        assertThat(vm.store().registry().models()).hasSize(1);
    }

    /** A {@link DirectTaskRunner} whose jobs fail the way an unreachable server's calls do while {@code down}. */
    private static final class OutageRunner implements TaskRunner {
        private final DirectTaskRunner direct = new DirectTaskRunner();
        private final String store;
        boolean down;

        OutageRunner(String store) {
            this.store = store;
        }

        @Override
        public <T> Cancellable submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
            return direct.submit(label, progress -> {
                if (down) {
                    throw new StoreUnavailableException("The store " + store
                            + " cannot be reached: Connection refused", new java.net.ConnectException("refused"));
                }
                return job.run(progress);
            }, onSuccess, onFailure);
        }

        @Override
        public BackgroundWork work() {
            return direct.work();
        }

        @Override
        public void shutdown() {
            direct.shutdown();
        }
    }

    @Test
    void aLostConnectionShowsWhileThePollsFailAndClearsWhenOneWorksAgain() {
        Path file = dir.resolve("team.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        OutageRunner runner = new OutageRunner("team.db");
        ManualTicker ticker = new ManualTicker();
        vm = new ShellViewModel(runner, ticker, settings, null);
        vm.openStore(file, StoreMode.LOCAL);
        assertThat(vm.runs().rows()).hasSize(4);
        RunRow row = vm.runs().rows().get(0);
        String name = row.run().name();

        runner.down = true;
        ticker.tick();
        assertThat(vm.connectionProperty().get()).isEqualTo("Connection to team.db lost — retrying");
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Connection to team.db lost — retrying");
        assertThat(vm.statusProblemProperty().get()).isTrue();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.BROWSER);
        assertThat(vm.runs().rows()).hasSize(4);
        vm.runs().rename(row.id(), "renamed while down");
        assertThat(vm.runs().actionErrorProperty().get())
                .isEqualTo("The store team.db cannot be reached: Connection refused");
        // the latest message is the failed write's
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The store team.db cannot be reached: Connection refused");
        // someone else keeps logging meanwhile
        try (TrackingStore other = TrackingStore.open(file)) {
            TestStores.run(other, "churn", "logged-meanwhile", RunStatus.FINISHED, 9, null, Map.of("lr", "1"),
                    new double[] {1.0});
        }
        ticker.tick();
        assertThat(vm.connectionProperty().get()).isEqualTo("Connection to team.db lost — retrying");

        runner.down = false;
        ticker.tick();
        assertThat(vm.connectionProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo("Reconnected to team.db.");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Reconnected to team.db.");
        assertThat(vm.statusProblemProperty().get()).isFalse();
        // caught up by the poll, not re-read: the rows the table shows are the same objects
        assertThat(vm.runs().rows()).hasSize(5);
        assertThat(vm.runs().row(row.id())).isSameAs(row);
        assertThat(row.run().name()).isEqualTo(name);
    }

    @Test
    void aTableThatCouldNotBeLoadedIsReadOnceTheServerAnswers() {
        Path file = dir.resolve("late.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        OutageRunner runner = new OutageRunner("late.db");
        ManualTicker ticker = new ManualTicker();
        vm = new ShellViewModel(runner, ticker, settings, null);
        vm.openStore(file, StoreMode.LOCAL);
        runner.down = true;
        vm.runs().reload();
        assertThat(vm.connectionProperty().get()).isEqualTo("Connection to late.db lost — retrying");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        ticker.tick();
        runner.down = false;
        ticker.tick();
        assertThat(vm.connectionProperty().get()).isNull();
        assertThat(vm.runs().rows()).hasSize(4);
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
    }

    @Test
    void aServerThatIsDownGivesOneLineNamingTheStoreAndTryAgain() {
        shell(null);
        StoreLocation.Postgres team = new StoreLocation.Postgres("127.0.0.1", 1, "experiments", "alice", "s3cret");
        vm.openStore(team, StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.titleProperty().get()).isEqualTo("Cairn — experiments@127.0.0.1");
        assertThat(vm.storePathProperty().get()).isEqualTo("postgresql://alice@127.0.0.1:1/experiments");
        assertThat(vm.errorProperty().get()).contains("127.0.0.1:1").contains("experiments")
                .doesNotContain("\n").doesNotContain("s3cret").doesNotContain("Exception");
        assertThat(vm.retryableProperty().get()).isTrue();
        assertThat(vm.passwordPromptProperty().get()).isNull();
        assertThat(vm.recentStores()).isEmpty();
        vm.retryOpen();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.storePathProperty().get()).isEqualTo("postgresql://alice@127.0.0.1:1/experiments");
    }

    @Test
    void theTeamStoreFormStartsFromTheLastTeamStoreWithoutItsPassword() {
        settings.load().rememberStore("postgresql://bob@db.example.org:5433/experiments");
        settings.load().rememberStore(dir.resolve("local.db").toString());
        shell(null);
        vm.setPasswordLookup(() -> TeamStoreViewModel.PasswordLookup.NONE);
        TeamStoreViewModel form = vm.teamStore();
        assertThat(form.hostProperty().get()).isEqualTo("db.example.org");
        assertThat(form.portProperty().get()).isEqualTo("5433");
        assertThat(form.databaseProperty().get()).isEqualTo("experiments");
        assertThat(form.userProperty().get()).isEqualTo("bob");
        assertThat(form.passwordProperty().get()).isEmpty();

        form.hostProperty().set("127.0.0.1");
        form.portProperty().set("1");
        form.passwordProperty().set("typed");
        form.open();
        assertThat(vm.storePathProperty().get()).isEqualTo("postgresql://bob@127.0.0.1:1/experiments");
        assertThat(vm.teamStore().hostProperty().get()).isEqualTo("127.0.0.1");
        assertThat(settings.load().getRecentStores()).noneMatch(s -> s.contains("typed"));
    }

    @Test
    void aWriteThatFailsWhileThePollsWorkKeepsItsError() {
        Path file = dir.resolve("blip.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            TestStores.populate(store);
        }
        OutageRunner runner = new OutageRunner("blip.db");
        ManualTicker ticker = new ManualTicker();
        vm = new ShellViewModel(runner, ticker, settings, null);
        vm.openStore(file, StoreMode.LOCAL);
        RunRow row = vm.runs().rows().get(0);
        runner.down = true;
        vm.runs().rename(row.id(), "lost write");
        runner.down = false;
        ticker.tick();
        ticker.tick();
        assertThat(vm.connectionProperty().get()).isNull();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The store blip.db cannot be reached: Connection refused");
        assertThat(row.run().name()).isNotEqualTo("lost write");
        vm.noticeProperty().set("Exported 4 runs to runs.csv");
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Exported 4 runs to runs.csv");
        assertThat(vm.statusProblemProperty().get()).isFalse();
    }
}
