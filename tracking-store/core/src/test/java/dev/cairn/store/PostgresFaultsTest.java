package dev.cairn.store;

import dev.cairn.store.internal.sql.PostgresTestDatabases;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.testing.AnswerDroppingProxy;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team store whose connections drop: nothing half-written, and the next call reconnects. */
class PostgresFaultsTest {
    @TempDir
    Path dir;
    TestStores stores;
    TrackingStore store;
    PostgresTestDatabases.Location admin;

    @BeforeEach
    void open() {
        stores = new TestStores(Backend.POSTGRESQL, dir);
        store = stores.open("team");
        admin = PostgresTestDatabases.Location.parse(stores.argument("team")).withDatabase("postgres");
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aConnectionDroppedMidWriteIsRedoneOnAFreshConnectionAndStoredOnce() {
        AtomicInteger attempts = new AtomicInteger();
        store.write(w -> {
            RunRef run = w.createRun(NewRun.in("churn").withName("half"));
            if (attempts.incrementAndGet() == 1) {
                terminateOthers();
            }
            w.append(run, "loss", new long[] {0, 1}, new long[] {0, 1}, new double[] {0.5, 0.25});
        });

        assertThat(attempts).hasValue(2);
        Run only = store.search().searchAll(RunQuery.all()).get(0);
        assertThat(store.search().count(RunQuery.all())).isEqualTo(1);
        assertThat(store.metrics().read(only.id(), "loss").values()).containsExactly(0.5, 0.25);
    }

    @Test
    void aConnectionThatKeepsDroppingFailsWithOneLineAndLeavesNothing() {
        assertThatThrownBy(() -> store.write(w -> {
            w.createRun(NewRun.in("churn").withName("never"));
            terminateOthers();
            w.createRun(NewRun.in("churn").withName("never either"));
        })).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(stores.location("team").displayName())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(store.search().count(RunQuery.all())).isZero();
        store.runs().create(NewRun.in("churn").withName("after"));
        assertThat(store.search().count(RunQuery.all())).isEqualTo(1);
    }

    @Test
    void readsAndTheChangeTokenSurviveEveryConnectionBeingDropped() {
        Run run = store.runs().create(NewRun.in("churn"));
        long token = store.changeToken();
        terminateOthers();

        assertThat(store.runs().require(run.id()).experimentName()).isEqualTo("churn");
        store.runs().rename(run.id(), "renamed");
        assertThat(store.changeToken()).isGreaterThan(token);
        assertThat(store.runs().require(run.id()).name()).isEqualTo("renamed");
    }

    @Test
    void aCommitWhoseAnswerIsLostIsAskedAboutAndStoredOnceNotRedone() throws Exception {
        PostgresTestDatabases.Location location = PostgresTestDatabases.Location.parse(stores.argument("team"));
        Run run = store.runs().create(NewRun.in("churn").withName("once"));
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(location.host(), location.port());
             TrackingStore viaProxy = TrackingStore.open(new StoreLocation.Postgres("127.0.0.1", proxy.port(),
                     location.database(), location.user(), location.password()), StoreOptions.local())) {
            AtomicInteger attempts = new AtomicInteger();
            proxy.dropTheAnswerToTheNextCommit();
            viaProxy.write(w -> {
                attempts.incrementAndGet();
                w.append(w.run(run.id()), "loss", new long[] {0, 1}, new long[] {0, 1}, new double[] {0.5, 0.25});
            });

            assertThat(proxy.dropped()).as("answers to COMMIT dropped").isEqualTo(1);
            assertThat(attempts).as("the stored write is not redone").hasValue(1);
        }
        assertThat(store.metrics().read(run.id(), "loss").values()).containsExactly(0.5, 0.25);
    }

    /** Ends every connection to the store's database (what a server restart or a dropped network does). */
    private void terminateOthers() {
        try (Connection c = admin.open();
             PreparedStatement ps = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, store.location() instanceof StoreLocation.Postgres pg ? pg.database() : "");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
