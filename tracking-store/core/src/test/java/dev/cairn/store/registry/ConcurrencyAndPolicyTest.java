package dev.cairn.store.registry;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.cairn.store.registry.Expectation.stageHeldBy;
import static dev.cairn.store.registry.Expectation.versionIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class ConcurrencyAndPolicyTest extends StoreContract {
    @Test
    void aStaleExpectationInAnotherStoreFailsNamingTheChangeAndWritesNothing() {
        try (TrackingStore a = stores.open("s.db"); TrackingStore b = stores.open("s.db")) {
            a.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            a.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            a.registry().promote("churn", 1, Stage.PRODUCTION, versionIn(1, Stage.NONE), ChangeOptions.by("alice"));
            Expectation seenByB = b.registry().expectCurrent("churn");

            a.registry().promote("churn", 2, Stage.PRODUCTION, versionIn(2, Stage.NONE),
                    ChangeOptions.by("alice").archivingExisting().withComment("hotfix").at(1_700_000_000_000L));
            int events = a.registry().history("churn").size();
            long token = b.changeToken();

            assertThatThrownBy(() -> b.registry().archive("churn", 1, seenByB, ChangeOptions.by("bob")))
                    .isInstanceOf(RegistryConflictException.class)
                    .hasMessageContaining("expected version 1 is Production")
                    .hasMessageContaining("it is Archived")
                    .hasMessageContaining("alice archived version 1 (Production \u2192 Archived) at 2023-11-14T22:13:20Z")
                    .hasMessageContaining("\"hotfix\"")
                    .hasMessageContaining("Nothing was changed");
            assertThat(b.registry().history("churn")).hasSize(events);
            assertThat(b.changeToken()).isEqualTo(token);
        }
    }

    @Test
    void twoStoresPromotingAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            StoreLocation copy = stores.location("round" + round + ".db");
            try (TrackingStore setup = TrackingStore.open(copy, StoreOptions.local())) {
                for (int i = 0; i < 3; i++) {
                    setup.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ci"));
                }
                setup.registry().promote("churn", 1, Stage.PRODUCTION, versionIn(1, Stage.NONE),
                        ChangeOptions.by("ci"));
            }
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (int version : new int[] {2, 3}) {
                Callable<String> promote = () -> {
                    try (TrackingStore s = TrackingStore.open(copy, StoreOptions.local())) {
                        barrier.await();
                        s.registry().promote("churn", version, Stage.PRODUCTION,
                                versionIn(version, Stage.NONE).and(stageHeldBy(Stage.PRODUCTION, 1)),
                                ChangeOptions.by("user" + version).archivingExisting());
                        return "won";
                    } catch (RegistryConflictException e) {
                        return "conflict";
                    }
                };
                results.add(pool.submit(promote));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder("won", "conflict");
            try (TrackingStore check = TrackingStore.open(copy, StoreOptions.local())) {
                assertThat(check.registry().state("churn").holders(Stage.PRODUCTION)).hasSize(1);
                assertThat(check.registry().history("churn")).filteredOn(e -> e.action() == EventAction.PROMOTE)
                        .hasSize(2);
            }
        }
    }

    @Test
    void aWorsePromotionIsRefusedUnlessForcedAndTheForceIsRecorded() {
        try (TrackingStore store = stores.open("s.db")) {
            ModelRegistry registry = store.registry();
            Run good = runWithLoss(store, 0.28);
            Run worse = runWithLoss(store, 0.31);
            Run better = runWithLoss(store, 0.20);
            registry.register(NewModelVersion.of("churn").fromRun(good.id()), ChangeOptions.by("a"));
            registry.register(NewModelVersion.of("churn").fromRun(worse.id()), ChangeOptions.by("a"));
            registry.register(NewModelVersion.of("churn").fromRun(better.id()), ChangeOptions.by("a"));
            registry.setPromotionRule("churn", new PromotionRule("val_loss", PromotionRule.Goal.MIN));
            assertThat(registry.requireModel("churn").rule()).isEqualTo(
                    new PromotionRule("val_loss", PromotionRule.Goal.MIN));
            registry.promote("churn", 1, Stage.PRODUCTION, versionIn(1, Stage.NONE), ChangeOptions.by("a"));
            int events = registry.history("churn").size();

            assertThatThrownBy(() -> registry.promote("churn", 2, Stage.PRODUCTION, versionIn(2, Stage.NONE),
                    ChangeOptions.by("b").archivingExisting()))
                    .isInstanceOf(PromotionRefusedException.class)
                    .hasMessageContaining("val_loss = 0.31")
                    .hasMessageContaining("Production version 1 (0.28)");
            assertThat(registry.history("churn")).hasSize(events);
            assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.PRODUCTION);

            registry.promote("churn", 2, Stage.STAGING, versionIn(2, Stage.NONE), ChangeOptions.by("b"));
            List<ModelEvent> forced = registry.promote("churn", 2, Stage.PRODUCTION, versionIn(2, Stage.STAGING),
                    ChangeOptions.by("b").archivingExisting().forced().withComment("needed for the demo"));
            assertThat(forced.get(0).forced()).isTrue();
            assertThat(forced.get(0).detail()).contains("forced past the promotion rule").contains("0.31");
            assertThat(registry.history("churn", 2)).last().satisfies(e -> assertThat(e.forced()).isTrue());

            List<ModelEvent> fine = registry.promote("churn", 3, Stage.PRODUCTION, versionIn(3, Stage.NONE),
                    ChangeOptions.by("c").archivingExisting());
            assertThat(fine.get(0).forced()).isFalse();

            registry.setPromotionRule("churn", null);
            assertThat(registry.requireModel("churn").rule()).isNull();
        }
    }

    private static Run runWithLoss(TrackingStore store, double loss) {
        Run run = store.runs().create(NewRun.in("churn"));
        store.metrics().append(run.id(), "val_loss", 0, 1L, loss + 0.5);
        store.metrics().append(run.id(), "val_loss", 1, 2L, loss);
        return run;
    }
}
