package dev.cairn.plugin.optuna;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite keeps text in a REAL column: a copy of the real Optuna fixture with {@code 'abc'} written into a value,
 * an intermediate value or a parameter is refused with an error naming the file, the table and the row, never read
 * as a number.
 */
class OptunaSqliteBadValueTest {
    private static final Path DB = Fixtures.get("optuna/LukeCPadmore__flow-matching-mnist/optuna.db");
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"trial_values, value", "trial_intermediate_values, intermediate_value", "trial_params, param_value"})
    void textInARealColumnIsAnErrorNamingTheTableAndRow(String table, String column) throws Exception {
        Path db = tmp.resolve("optuna.db");
        Files.copy(DB, db);
        long rowid;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT max(rowid) FROM " + table)) {
                rs.next();
                rowid = rs.getLong(1);
            }
            st.executeUpdate("UPDATE " + table + " SET " + column + " = 'abc' WHERE rowid = " + rowid);
            try (ResultSet rs = st.executeQuery("SELECT typeof(" + column + ") FROM " + table + " WHERE rowid = "
                    + rowid)) {
                rs.next();
                assertThat(rs.getString(1)).as("SQLite kept the text").isEqualTo("text");
            }
        }
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext context = new RecordingContext();
        new OptunaImporter().importFrom(db, new CollectingSink(runs), context);

        assertThat(runs).isEmpty();
        assertThat(context.failures).singleElement().satisfies(f -> assertThat(f)
                .contains(db + ": cannot read the Optuna storage (table " + table + ", row " + rowid + ": column ")
                .contains("'abc' is not a number").doesNotContain("\n"));
    }
}
