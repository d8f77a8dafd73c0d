package dev.cairn.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLocationTest {
    @Test
    void aPostgresqlUriNamesATeamStoreAndNeverShowsItsPassword() {
        StoreLocation location = StoreLocation.parse("postgresql://ana:s3cr%40t@db.example:6543/experiments");
        assertThat(location).isEqualTo(new StoreLocation.Postgres("db.example", 6543, "experiments", "ana", "s3cr@t"));
        assertThat(location.displayName()).isEqualTo("experiments@db.example");
        assertThat(location.describe()).isEqualTo("postgresql://ana@db.example:6543/experiments");
        assertThat(location.toString()).doesNotContain("s3cr");
        assertThat(StoreLocation.parse("postgres://ana@db/x")).isEqualTo(
                new StoreLocation.Postgres("db", StoreLocation.Postgres.DEFAULT_PORT, "x", "ana", null));
    }

    @Test
    void namesWithSpecialCharactersReadBackFromTheirUri() {
        StoreLocation.Postgres odd = new StoreLocation.Postgres("h", 5432, "team data/2026", "ana maría", null);
        assertThat(StoreLocation.parse(odd.uri())).isEqualTo(odd);
    }

    @Test
    void anythingElseIsASqliteFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        StoreLocation file = StoreLocation.parse(dir.resolve("cairn.db").toString());
        assertThat(file).isEqualTo(StoreLocation.of(dir.resolve("cairn.db")));
        assertThat(file.displayName()).isEqualTo("cairn.db");
    }

    @Test
    void malformedAddressesAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://ana:pw@db.example:5432/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected postgresql://")
                .hasMessageNotContaining(":pw@");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://ana:pw@db.example:99999/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreLocation.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
