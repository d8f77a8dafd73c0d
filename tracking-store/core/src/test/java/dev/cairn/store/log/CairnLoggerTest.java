package dev.cairn.store.log;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class CairnLoggerTest extends StoreContract {
    @Test
    void closedNormallyIsFinishedWithEveryPoint() throws Exception {
        String file = stores.argument("s.db");
        String id;
        try (Cairn cairn = Cairn.open(file); ActiveRun run = cairn.experiment("churn").startRun("lr-0.1")) {
            id = run.id();
            run.param("lr", 0.1).param("optimizer", "adam").tag("team", "vision");
            for (int step = 0; step < 5000; step++) {
                run.metric("loss", 1.0 / (step + 1), step);
            }
            run.metric("acc", 0.5);
            run.metric("acc", 0.7);
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(file), StoreOptions.local())) {
            Run run = store.runs().require(id);
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.endMs()).isNotNull();
            assertThat(run.name()).isEqualTo("lr-0.1");
            assertThat(run.experimentName()).isEqualTo("churn");
            assertThat(store.runs().params(id)).containsEntry("lr", "0.1").containsEntry("optimizer", "adam");
            assertThat(store.metrics().read(id, "loss").size()).isEqualTo(5000);
            assertThat(store.metrics().read(id, "acc").steps()).containsExactly(0, 1);
            assertThat(store.runs().provenance(id)).get().extracting(p -> p.writer()).isEqualTo("cairn-java");
        }
    }

    @Test
    void aRunBodyThatThrowsIsFailedWithTheError() {
        String file = stores.argument("s.db");
        List<String> ids = new ArrayList<>();
        try (Cairn cairn = Cairn.open(file)) {
            assertThatThrownBy(() -> cairn.experiment("e").run("boom", run -> {
                ids.add(run.id());
                run.metric("loss", Double.NaN, 0);
                throw new IllegalStateException("diverged");
            })).hasMessage("diverged");
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(file), StoreOptions.local())) {
            assertThat(store.runs().require(ids.get(0)).status()).isEqualTo(RunStatus.FAILED);
            assertThat(store.runs().tags(ids.get(0))).containsEntry("cairn.error",
                    "java.lang.IllegalStateException: diverged");
            assertThat(store.metrics().read(ids.get(0), "loss").values()[0]).isNaN();
        }
    }

    @Test
    void manyThreadsLogToOneRunAndNestedRunsLinkToTheirParent() throws Exception {
        String file = stores.argument("s.db");
        String parentId;
        String childId;
        try (Cairn cairn = Cairn.open(file); ActiveRun parent = cairn.experiment("e").startRun("sweep")) {
            parentId = parent.id();
            try (ActiveRun child = parent.child("trial-1")) {
                childId = child.id();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String key = "m" + t;
                    Thread thread = new Thread(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            child.metric(key, i, i);
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join();
                }
            }
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(file), StoreOptions.local())) {
            assertThat(store.runs().require(childId).parentId()).isEqualTo(parentId);
            for (int t = 0; t < 4; t++) {
                assertThat(store.metrics().summaries(childId).get("m" + t).count()).isEqualTo(10_000);
            }
        }
    }

    @Test
    @Timeout(60)
    void pointsReachTheStoreWithoutClosing() throws Exception {
        String file = stores.argument("s.db");
        try (Cairn cairn = Cairn.open(file); ActiveRun run = cairn.experiment("e").startRun("live");
             TrackingStore viewer = TrackingStore.open(StoreLocation.parse(file), StoreOptions.local())) {
            run.metric("loss", 0.25, 3);
            // the background flusher, not close(), writes the point: wait for that condition, not for wall time
            while (cairn.bufferedPoints() > 0) {
                Thread.onSpinWait();
                Thread.sleep(10);
            }
            assertThat(viewer.metrics().summaries(run.id())).containsKey("loss");
            assertThat(viewer.metrics().summaries(run.id()).get("loss").last()).isEqualTo(0.25);
        }
    }
}
