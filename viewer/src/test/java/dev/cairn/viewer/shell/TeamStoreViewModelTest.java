package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The team-store form: defaults, validation, when it asks for a password, and what Open hands on. */
class TeamStoreViewModelTest {
    @TempDir
    Path home;

    private final List<StoreLocation.Postgres> opened = new ArrayList<>();

    private TeamStoreViewModel form(TeamStoreViewModel.PasswordLookup lookup) {
        return new TeamStoreViewModel(lookup, "alice", opened::add);
    }

    @Test
    void startsWithLocalhostTheDefaultPortAndTheOsUserAndWantsADatabase() {
        TeamStoreViewModel form = form(TeamStoreViewModel.PasswordLookup.NONE);
        assertThat(form.hostProperty().get()).isEqualTo("localhost");
        assertThat(form.portProperty().get()).isEqualTo("5432");
        assertThat(form.userProperty().get()).isEqualTo("alice");
        assertThat(form.problemProperty().get()).isEqualTo("Type the database name.");
        assertThat(form.summaryProperty().get()).isEqualTo("Type the database name.");
        assertThat(form.open()).isFalse();
        assertThat(opened).isEmpty();
        assertThatThrownBy(form::location).isInstanceOf(IllegalStateException.class);

        form.databaseProperty().set("   ");
        assertThat(form.problemProperty().get()).isEqualTo("Type the database name.");
        form.databaseProperty().set("experiments");
        assertThat(form.problemProperty().get()).isNull();
        assertThat(form.summaryProperty().get()).isEqualTo("Opens postgresql://alice@localhost:5432/experiments.");
    }

    @Test
    void thePortMustBeATcpPort() {
        TeamStoreViewModel form = form(TeamStoreViewModel.PasswordLookup.NONE);
        form.databaseProperty().set("experiments");
        for (String bad : List.of("abc", "0", "65536", "-1", "5432x", "99999999999")) {
            form.portProperty().set(bad);
            assertThat(form.problemProperty().get()).as(bad).startsWith("The port must be a number from 1 to 65535");
            assertThat(form.open()).isFalse();
        }
        form.portProperty().set("");
        assertThat(form.problemProperty().get()).contains("Type the port");
        form.portProperty().set(" 6543 ");
        assertThat(form.problemProperty().get()).isNull();
        assertThat(form.location().port()).isEqualTo(6543);
        assertThat(opened).isEmpty();
    }

    @Test
    void hostAndNamesMustMakeAnAddressOpenRecentCanReadBack() {
        TeamStoreViewModel form = form(TeamStoreViewModel.PasswordLookup.NONE);
        form.databaseProperty().set("experiments");
        form.hostProperty().set("");
        assertThat(form.problemProperty().get()).startsWith("Type the server's host name");
        form.hostProperty().set("db example");
        assertThat(form.problemProperty().get()).isEqualTo("'db example' is not a host name.");
        form.hostProperty().set("db.example.org");
        form.databaseProperty().set("my experiments/2026");
        assertThat(form.problemProperty().get()).as("encoded in the address, read back the same").isNull();
        form.databaseProperty().set("ml_team-2");
        assertThat(form.problemProperty().get()).isNull();
    }

    @Test
    void openHandsOnTheLocationWithTheTypedPasswordAndForgetsIt() {
        TeamStoreViewModel form = form(TeamStoreViewModel.PasswordLookup.NONE);
        form.hostProperty().set(" db.example.org ");
        form.portProperty().set("5433");
        form.databaseProperty().set("experiments");
        form.userProperty().set("bob");
        assertThat(form.passwordNeededProperty().get()).isTrue();
        assertThat(form.passwordNoteProperty().get()).contains("PGPASSWORD").contains("~/.pgpass")
                .contains("not saved");
        form.passwordProperty().set("s3cret");
        assertThat(form.open()).isTrue();
        assertThat(opened).containsExactly(new StoreLocation.Postgres("db.example.org", 5433, "experiments", "bob",
                "s3cret"));
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(opened.get(0).describe()).isEqualTo("postgresql://bob@db.example.org:5433/experiments");
    }

    @Test
    void anEmptyUserIsTheDefaultUserAndAnEmptyPasswordIsNone() {
        TeamStoreViewModel form = form(TeamStoreViewModel.PasswordLookup.NONE);
        form.databaseProperty().set("experiments");
        form.userProperty().set("");
        assertThat(form.open()).isTrue();
        assertThat(opened.get(0).user()).isEqualTo("alice");
        assertThat(opened.get(0).password()).isNull();
    }

    @Test
    void noPasswordFieldWhenPostgresFindsOneItselfAndATypedOneIsNotUsed() {
        TeamStoreViewModel.PasswordLookup lookup = (host, port, db, user) ->
                db.equals("experiments") ? Optional.of("~/.pgpass") : Optional.empty();
        TeamStoreViewModel form = form(lookup);
        form.databaseProperty().set("experiments");
        assertThat(form.passwordNeededProperty().get()).isFalse();
        assertThat(form.passwordNoteProperty().get()).isEqualTo("Password from ~/.pgpass.");
        form.passwordProperty().set("typed before the field went away");
        assertThat(form.location().password()).isNull();
        form.databaseProperty().set("other");
        assertThat(form.passwordNeededProperty().get()).isTrue();
    }

    @Test
    void askingAgainShowsThePasswordFieldWithTheReasonAndThePrefilledStore() {
        TeamStoreViewModel form = form((host, port, db, user) -> Optional.of("PGPASSWORD"));
        form.prefill(new StoreLocation.Postgres("db.example.org", 5433, "experiments", "bob", "old"));
        assertThat(form.passwordNeededProperty().get()).isFalse();
        form.askForPassword("experiments@db.example.org refused the password of bob.");
        assertThat(form.hostProperty().get()).isEqualTo("db.example.org");
        assertThat(form.portProperty().get()).isEqualTo("5433");
        assertThat(form.databaseProperty().get()).isEqualTo("experiments");
        assertThat(form.userProperty().get()).isEqualTo("bob");
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(form.passwordNeededProperty().get()).isTrue();
        assertThat(form.reasonProperty().get()).contains("refused");
        form.passwordProperty().set("new");
        form.open();
        assertThat(opened).extracting(StoreLocation.Postgres::password).containsExactly("new");
    }

    @Test
    void aRealPasswordFileDecidesPerDatabase() throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, "localhost:5432:experiments:alice:pw\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        TeamStoreViewModel form = form(PgPass.of(Map.of(), home, false));
        form.databaseProperty().set("experiments");
        assertThat(form.passwordNeededProperty().get()).isFalse();
        assertThat(form.passwordNoteProperty().get()).isEqualTo("Password from ~/.pgpass.");
        form.portProperty().set("5433");
        assertThat(form.passwordNeededProperty().get()).isTrue();
    }
}
