package dev.cairn.store;

import dev.cairn.store.internal.sql.PostgresTestDatabases;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.store.query.RunQuery;
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

    /**
     * A TCP proxy to the server that, once armed, forwards the next COMMIT and then closes the connection instead of
     * passing on the server's answer that it committed: the transaction is stored, but the client only sees its
     * connection break.
     */
    static final class AnswerDroppingProxy implements AutoCloseable {
        private static final byte[] COMMIT = "COMMIT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final java.net.ServerSocket listener = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress());
        private final String host;
        private final int port;
        private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        private final AtomicInteger dropped = new AtomicInteger();
        private final java.util.List<java.net.Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

        AnswerDroppingProxy(String host, int port) throws java.io.IOException {
            this.host = host;
            this.port = port;
            daemon("proxy-accept", this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        void dropTheAnswerToTheNextCommit() {
            armed.set(true);
        }

        int dropped() {
            return dropped.get();
        }

        private void accept() {
            try {
                while (true) {
                    java.net.Socket client = listener.accept();
                    java.net.Socket upstream = new java.net.Socket(host, port);
                    sockets.add(client);
                    sockets.add(upstream);
                    java.util.concurrent.atomic.AtomicBoolean dropAnswer = new java.util.concurrent.atomic.AtomicBoolean();
                    daemon("proxy-up", () -> pump(client, upstream, true, dropAnswer));
                    daemon("proxy-down", () -> pump(upstream, client, false, dropAnswer));
                }
            } catch (java.io.IOException closed) {
                // the proxy was closed
            }
        }

        private void pump(java.net.Socket from, java.net.Socket to, boolean fromClient,
                          java.util.concurrent.atomic.AtomicBoolean dropAnswer) {
            byte[] buf = new byte[1 << 16];
            try {
                java.io.InputStream in = from.getInputStream();
                java.io.OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (fromClient && armed.get() && contains(buf, n) && armed.compareAndSet(true, false)) {
                        dropAnswer.set(true);
                    } else if (!fromClient && dropAnswer.get() && contains(buf, n)) {
                        dropped.incrementAndGet();
                        break; // the server's CommandComplete says COMMIT: it is stored; the client never hears so
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (java.io.IOException e) {
                // one side closed: close the other
            }
            closeQuietly(from);
            closeQuietly(to);
        }

        private static boolean contains(byte[] buf, int n) {
            outer:
            for (int i = 0; i + COMMIT.length <= n; i++) {
                for (int j = 0; j < COMMIT.length; j++) {
                    if (buf[i + j] != COMMIT[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private static void daemon(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
        }

        private static void closeQuietly(java.io.Closeable c) {
            try {
                c.close();
            } catch (java.io.IOException e) {
                // already closed
            }
        }

        @Override
        public void close() {
            closeQuietly(listener);
            sockets.forEach(AnswerDroppingProxy::closeQuietly);
        }
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
