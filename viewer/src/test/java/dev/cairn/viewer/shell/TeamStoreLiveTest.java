package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell against a real PostgreSQL server, named by {@code CAIRN_TEST_PG} ({@code .ci/postgres.sh start} makes a
 * throwaway one; a superuser); skipped without one, failing under {@code CI=true} like the store's PostgreSQL tests.
 * Each test gets its own database, owned by its own login role: an outage of that one database is a connection limit
 * of 0 plus its sessions ended, which refuses every reconnect ("too many connections") until the limit is lifted,
 * while the server stays up for everyone else.
 */
class TeamStoreLiveTest {
    private final SettingsStore.InMemory settings = new SettingsStore.InMemory();
    private final ManualTicker ticker = new ManualTicker();
    private StoreLocation.Postgres server;
    private StoreLocation.Postgres db;
    private String role;
    private ShellViewModel vm;

    @BeforeEach
    void createDatabase() throws SQLException {
        String uri = System.getenv("CAIRN_TEST_PG");
        if (uri == null || uri.isBlank()) {
            String message = "CAIRN_TEST_PG is not set; for a throwaway server: . \"$(.ci/postgres.sh start)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but " + message);
            }
            Assumptions.assumeTrue(false, message);
        }
        server = StoreLocation.Postgres.parse(uri);
        String name = "cairn_viewer_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String password = Long.toString(ThreadLocalRandom.current().nextLong(1L << 60), 36);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            role = name;
            st.execute("CREATE DATABASE " + name + " OWNER " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        db = new StoreLocation.Postgres(server.host(), server.port(), name, name, password);
        vm = new ShellViewModel(new DirectTaskRunner(), ticker, settings, null);
        vm.setPasswordLookup(() -> TeamStoreViewModel.PasswordLookup.NONE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (vm != null) {
            vm.shutdown();
        }
        if (server == null) {
            return; // no CAIRN_TEST_PG: the tests were skipped, nothing was created
        }
        try (Connection c = admin(); Statement st = c.createStatement()) {
            if (db != null) {
                st.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
            }
            if (role != null) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        if (server.password() != null) {
            p.setProperty("password", server.password());
        }
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + server.database(), p);
    }

    /** Takes the test database away: no new sessions for its role, and the open ones ended. */
    private void outage() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db.database() + " CONNECTION LIMIT 0");
        }
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, db.database());
            ps.execute();
        }
    }

    /** The test database is back. */
    private void serverBack() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db.database() + " CONNECTION LIMIT -1");
        }
    }

    private void assumeNoPasswordFromTheEnvironment() {
        Assumptions.assumeTrue(PgPass.fromEnvironment().sourceFor(db.host(), db.port(), db.database(), db.user())
                .isEmpty(), "PGPASSWORD or the password file has a password for the test server");
    }

    @Test
    void withoutAPasswordTheFormComesBackAndTheTypedPasswordOpensTheStore() {
        assumeNoPasswordFromTheEnvironment();
        vm.openStore(db.withPassword(null), StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains(db.describe()).contains("needs a password").doesNotContain("\n");
        TeamStoreViewModel form = vm.passwordPromptProperty().get();
        assertThat(form).isNotNull();
        assertThat(form.reasonProperty().get()).isEqualTo(db.displayName() + " asks for the password of "
                + db.user() + ".");
        assertThat(form.passwordNeededProperty().get()).isTrue();
        assertThat(form.location()).isEqualTo(db.withPassword(null));

        form.passwordProperty().set(db.password());
        assertThat(form.open()).isTrue();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.WELCOME);
        assertThat(vm.titleProperty().get()).isEqualTo("Cairn — " + db.database() + "@" + db.host());
        assertThat(vm.recentStores()).containsExactly(db.describe());
        assertThat(settings.load().getRecentStores()).containsExactly(db.describe())
                .noneMatch(s -> s.contains(db.password()));
    }

    @Test
    void aWrongPasswordAsksAgainSayingItWasRefused() {
        vm.openStore(db.withPassword("not-the-password"), StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains(db.describe()).contains("refused the password")
                .doesNotContain("not-the-password").doesNotContain("\n");
        assertThat(vm.passwordPromptProperty().get().reasonProperty().get()).contains("refused the password");
        assertThat(vm.retryableProperty().get()).isFalse();
    }

    @Test
    void anUnknownDatabaseIsOneLineNamingTheStore() {
        StoreLocation.Postgres missing = new StoreLocation.Postgres(db.host(), db.port(), db.database() + "_gone",
                db.user(), db.password());
        vm.openStore(missing, StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains(missing.describe()).contains("does not exist")
                .doesNotContain("\n");
        assertThat(vm.passwordPromptProperty().get()).isNull();
        assertThat(vm.recentStores()).isEmpty();
    }

    @Test
    void aLostConnectionShowsInTheStatusBarAndThePollAfterTheOutageReconnects() throws Exception {
        vm.openStore(db, StoreMode.LOCAL);
        TestStores.populate(vm.store());
        vm.runs().reload();
        assertThat(vm.runs().rows()).hasSize(4);
        RunRow row = vm.runs().rows().get(0);
        String name = row.run().name();
        Screen screen = vm.screenProperty().get();
        List<String> shown = new ArrayList<>();
        vm.connectionProperty().addListener((o, a, b) -> shown.add(b));

        outage();
        // the server ends the sessions when their backends get to it (late on a loaded machine): tick until the loss
        // shows, not once after a fixed time
        tickUntil(() -> !shown.isEmpty());
        assertThat(shown).containsExactly("Connection to " + db.displayName() + " lost — retrying");
        assertThat(vm.screenProperty().get()).isEqualTo(screen);
        assertThat(vm.runs().rows()).hasSize(4);

        // (each call during the outage waits for the pool's connection timeout; a write over a dropped connection is
        // the store's PostgresFaultsTest, the window's side of it ShellViewModelTest)
        // someone whose session survives (a superuser is not held by the limit) logs a run meanwhile
        StoreLocation.Postgres other = new StoreLocation.Postgres(db.host(), db.port(), db.database(), server.user(),
                server.password());
        try (TrackingStore store = TrackingStore.open(other, StoreOptions.local())) {
            TestStores.run(store, "churn", "logged-during-the-outage", RunStatus.FINISHED, 9, null,
                    Map.of("lr", "1"), new double[] {1.0});
        }

        serverBack();
        tickUntil(() -> vm.connectionProperty().get() == null);
        assertThat(shown).containsExactly("Connection to " + db.displayName() + " lost — retrying", null);
        assertThat(vm.noticeProperty().get()).isEqualTo("Reconnected to " + db.displayName() + ".");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        // caught up through the change log: the run logged meanwhile is there, the old rows are the same objects
        assertThat(vm.runs().rows()).hasSize(5);
        assertThat(vm.runs().row(row.id())).isSameAs(row);
        assertThat(storedName(row.id())).isEqualTo(name);
        vm.runs().rename(row.id(), "renamed after reconnecting");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        assertThat(storedName(row.id())).isEqualTo("renamed after reconnecting");
    }

    /**
     * Ticks the shell (every 150 ms: the change probe looks at its socket at most every 100 ms) until {@code done}
     * holds, for at most 30 s.
     */
    private void tickUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(150);
            ticker.tick();
        }
    }

    /**
     * The run's name read straight from the store, tried a few times: right after an outage a read may still meet a
     * connection that broke.
     */
    private String storedName(String id) {
        StoreUnavailableException last = null;
        for (int i = 0; i < 8; i++) {
            try {
                return vm.store().runs().require(id).name();
            } catch (StoreUnavailableException e) {
                last = e;
            }
        }
        throw last;
    }
}
