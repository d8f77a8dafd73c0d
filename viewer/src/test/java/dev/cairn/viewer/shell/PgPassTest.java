package dev.cairn.viewer.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The password file read the way libpq reads it, and PGPASSWORD before it. */
class PgPassTest {
    @TempDir
    Path home;

    private static String find(List<String> lines, String host, int port, String db, String user) {
        return PgPass.find(lines, host, port, db, user);
    }

    @Test
    void theFirstMatchingLineWinsAndAStarFieldMatchesAnything() {
        List<String> lines = List.of(
                "# hostname:port:database:username:password",
                "",
                "db.example.org:5432:experiments:alice:first",
                "db.example.org:*:*:alice:second",
                "*:*:*:*:fallback");
        assertThat(find(lines, "db.example.org", 5432, "experiments", "alice")).isEqualTo("first");
        assertThat(find(lines, "db.example.org", 6543, "experiments", "alice")).isEqualTo("second");
        assertThat(find(lines, "db.example.org", 5432, "other", "alice")).isEqualTo("second");
        assertThat(find(lines, "localhost", 5432, "experiments", "bob")).isEqualTo("fallback");
    }

    @Test
    void fieldsMustMatchWhole() {
        List<String> lines = List.of("db:5432:exp:alice:pw");
        assertThat(find(lines, "db", 5432, "exp", "alice")).isEqualTo("pw");
        assertThat(find(lines, "db2", 5432, "exp", "alice")).isNull();
        assertThat(find(lines, "d", 5432, "exp", "alice")).isNull();
        assertThat(find(lines, "db", 54321, "exp", "alice")).isNull();
        assertThat(find(lines, "db", 5432, "exp", "alicia")).isNull();
        assertThat(find(lines, "db", 5432, "ex", "alice")).isNull();
        // a star is a wildcard only as the whole field
        assertThat(find(List.of("d*:5432:exp:alice:pw"), "db", 5432, "exp", "alice")).isNull();
        // four fields: no password, no match
        assertThat(find(List.of("db:5432:exp:alice"), "db", 5432, "exp", "alice")).isNull();
    }

    @Test
    void backslashEscapesColonAndBackslashInFieldsAndPassword() {
        List<String> lines = List.of("db:5432:we\\:ird\\\\db:alice:p\\:ss\\\\word:ignored");
        assertThat(find(lines, "db", 5432, "we:ird\\db", "alice")).isEqualTo("p:ss\\word");
        assertThat(find(lines, "db", 5432, "we", "alice")).isNull();
    }

    @Test
    void windowsLineEndsAndAnEmptyHostMeanLocalhost() {
        assertThat(find(List.of("localhost:5432:exp:alice:pw\r"), "", 5432, "exp", "alice")).isEqualTo("pw");
        assertThat(find(List.of("localhost:5432:exp:alice:pw"), "127.0.0.1", 5432, "exp", "alice")).isNull();
    }

    @Test
    void pgpasswordComesFirst() {
        PgPass pass = PgPass.of(Map.of("PGPASSWORD", "secret"), home, false);
        assertThat(pass.sourceFor("db", 5432, "exp", "alice")).contains("PGPASSWORD");
        // an empty PGPASSWORD is no password
        assertThat(PgPass.of(Map.of("PGPASSWORD", ""), home, false).sourceFor("db", 5432, "exp", "alice")).isEmpty();
    }

    @Test
    void readsTheHomePgpassWhenOnlyTheOwnerMayReadIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = home.resolve(".pgpass");
        Files.writeString(file, "db:5432:exp:alice:pw\n*:*:*:bob:\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        PgPass pass = PgPass.of(Map.of(), home, false);
        assertThat(pass.sourceFor("db", 5432, "exp", "alice")).contains("~/.pgpass");
        assertThat(pass.sourceFor("db", 5432, "other", "alice")).isEmpty();
        // an empty password is none
        assertThat(pass.sourceFor("db", 5432, "exp", "bob")).isEmpty();
        assertThat(pass.ignoredBecause()).isNull();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PgPass open = PgPass.of(Map.of(), home, false);
        assertThat(open.sourceFor("db", 5432, "exp", "alice")).isEmpty();
        assertThat(open.ignoredBecause()).contains("~/.pgpass").contains("chmod 600");
    }

    @Test
    void pgpassfileNamesAnotherFile() throws Exception {
        Path file = home.resolve("elsewhere").resolve("passwords");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "*:*:exp:*:pw\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:not-this-one\n");
        PgPass pass = PgPass.of(Map.of("PGPASSFILE", file.toString()), home, false);
        assertThat(pass.file()).isEqualTo(file);
        assertThat(pass.sourceFor("db", 5432, "exp", "alice")).contains("~/elsewhere/passwords");
        assertThat(pass.sourceFor("db", 5432, "other", "alice")).isEmpty();
    }

    @Test
    void noFileNoPassword() {
        PgPass pass = PgPass.of(Map.of(), home, false);
        assertThat(pass.sourceFor("db", 5432, "exp", "alice")).isEmpty();
        assertThat(pass.passwordFileName()).isEqualTo("~/.pgpass");
        assertThat(pass.ignoredBecause()).isNull();
    }

    @Test
    void windowsKeepsItInAppData() {
        assertThat(PgPass.passFile(Map.of("APPDATA", home.toString()), home, true))
                .isEqualTo(home.resolve("postgresql").resolve("pgpass.conf"));
        assertThat(PgPass.passFile(Map.of(), home, false)).isEqualTo(home.resolve(".pgpass"));
    }
}
