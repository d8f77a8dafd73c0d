package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
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
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell against a real PostgreSQL server, named by {@code CAIRN_TEST_PG} ({@code .ci/postgres.sh start} makes a
 * throwaway one); skipped without one, failing under {@code CI=true} like the store's PostgreSQL tests. Each test
 * gets its own database.
 */
class TeamStoreLiveTest {
    private final SettingsStore.InMemory settings = new SettingsStore.InMemory();
    private final ManualTicker ticker = new ManualTicker();
    private StoreLocation.Postgres server;
    private StoreLocation.Postgres db;
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
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        db = new StoreLocation.Postgres(server.host(), server.port(), name, server.user(), server.password());
        vm = new ShellViewModel(new DirectTaskRunner(), ticker, settings, null);
        vm.setPasswordLookup(() -> TeamStoreViewModel.PasswordLookup.NONE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (vm != null) {
            vm.shutdown();
        }
        if (db != null) {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
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

    /** Ends every session on the test database, as a server restart or a dropped network would. */
    private void dropConnections() throws SQLException {
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, db.database());
            ps.execute();
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
        assertThat(vm.errorProperty().get()).contains(db.describe()).contains("no password").doesNotContain("\n");
        TeamStoreViewModel form = vm.passwordPromptProperty().get();
        assertThat(form).isNotNull();
        assertThat(form.reasonProperty().get()).isEqualTo(db.displayName() + " asks for the password of "
                + db.user() + ".");
        assertThat(form.passwordNeededProperty().get()).isTrue();
        assertThat(form.location()).isEqualTo(db.withPassword(null));

        form.passwordProperty().set(server.password());
        assertThat(form.open()).isTrue();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.WELCOME);
        assertThat(vm.titleProperty().get()).isEqualTo("Cairn — " + db.database() + "@" + db.host());
        assertThat(vm.recentStores()).containsExactly(db.describe());
        assertThat(settings.load().getRecentStores()).containsExactly(db.describe())
                .noneMatch(s -> s.contains(server.password()));
    }

    @Test
    void aWrongPasswordAsksAgainSayingItWasRefused() {
        vm.openStore(db.withPassword("not-the-password"), StoreMode.LOCAL);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.ERROR);
        assertThat(vm.errorProperty().get()).contains(db.describe()).contains("password authentication failed")
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
    void droppedConnectionsShowLostRetryingAndTheNextPollReconnects() throws Exception {
        vm.openStore(db, StoreMode.LOCAL);
        TestStores.populate(vm.store());
        vm.runs().reload();
        assertThat(vm.runs().rows()).hasSize(4);
        RunRow row = vm.runs().rows().get(0);
        String name = row.run().name();
        Screen screen = vm.screenProperty().get();
        List<String> shown = new ArrayList<>();
        vm.connectionProperty().addListener((o, a, b) -> shown.add(b));

        dropConnections();
        // the change probe looks at its socket at most every 100 ms
        Thread.sleep(150);
        vm.runs().rename(row.id(), "renamed over a dropped connection");
        String writeError = vm.runs().actionErrorProperty().get();
        if (writeError != null) {
            assertThat(writeError).contains(db.displayName()).doesNotContain("\n");
        }
        ticker.tick();
        assertThat(shown).containsExactly("Connection to " + db.displayName() + " lost — retrying");
        assertThat(vm.screenProperty().get()).isEqualTo(screen);

        for (int i = 0; i < 10 && vm.connectionProperty().get() != null; i++) {
            Thread.sleep(150);
            ticker.tick();
        }
        assertThat(shown).containsExactly("Connection to " + db.displayName() + " lost — retrying", null);
        assertThat(vm.noticeProperty().get()).isEqualTo("Reconnected to " + db.displayName() + ".");
        assertThat(vm.runs().rows()).hasSize(4);
        assertThat(vm.runs().row(row.id())).isSameAs(row);
        // the rename failed as a whole (and said so) or happened as a whole; its error is gone with the outage
        assertThat(storedName(row.id())).isEqualTo(writeError != null ? name : "renamed over a dropped connection");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        vm.runs().rename(row.id(), "renamed after reconnecting");
        assertThat(vm.runs().actionErrorProperty().get()).isNull();
        assertThat(storedName(row.id())).isEqualTo("renamed after reconnecting");
    }

    /**
     * The run's name read straight from the store. Each idle reader connection the drop killed fails one read before
     * the store replaces it (Database drops a broken connection on its next use), so a read is tried a few times.
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
