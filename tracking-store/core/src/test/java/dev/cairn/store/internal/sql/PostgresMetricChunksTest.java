package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;
import dev.cairn.store.internal.series.ChunkCodec;
import dev.cairn.store.internal.series.MetricChunkWriter;
import dev.cairn.store.internal.series.MetricSeriesReader;
import dev.cairn.store.internal.sql.PostgresTestDatabases.Location;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static dev.cairn.store.internal.sql.PostgresDialectTest.count;
import static dev.cairn.store.internal.sql.PostgresDialectTest.execute;
import static dev.cairn.store.internal.sql.PostgresDialectTest.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric chunk writer and reader, unchanged, on the PostgreSQL schema: the upserts (top-up of the open chunk,
 * batched full chunks, the summary row), NaN bound as NULL, ranged reads. (After the refactor the series classes
 * live in dev.cairn.store.internal.series: adjust the imports.)
 */
class PostgresMetricChunksTest {
    private static String database;
    private static PostgresDialect dialect;

    @BeforeAll
    static void createStore() throws SQLException {
        if (!PostgresTestDatabases.configured()) {
            return;
        }
        String uri = PostgresTestDatabases.create();
        database = PostgresTestDatabases.databaseName(uri);
        dialect = Location.parse(uri).dialect(2000);
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            PostgresDialectTest.migrate(dialect, c, PostgresDialectTest.CURRENT_VERSION);
        }
    }

    @BeforeEach
    void requireServer() {
        PostgresTestDatabases.server();
    }

    @AfterAll
    static void dropStore() {
        if (dialect != null) {
            dialect.close();
        }
        if (database != null) {
            PostgresTestDatabases.drop(database);
        }
    }

    @Test
    void appendsTopsUpAndReadsBack() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            long experiment = count(c, "INSERT INTO experiments(name, created_ms) VALUES ('chunks', 1) RETURNING id");
            long run = count(c, "INSERT INTO runs(id, experiment_id, status, start_ms) VALUES ('r1', " + experiment
                    + ", 'RUNNING', 1) RETURNING seq");
            long key = count(c, "INSERT INTO keys(name) VALUES ('loss') RETURNING id");
            int n = 1000;
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = i;
                ts[i] = 1_700_000_000_000L + 97L * i;
                values[i] = i == 500 ? Double.NaN : Math.exp(-i / 300.0);
            }
            // 300 points, then 700 more: the second append tops up the open chunk, then writes a batch
            for (int[] part : new int[][] {{0, 300}, {300, 700}}) {
                dialect.beginWrite(c);
                MetricChunkWriter.append(c, run, key, steps, ts, values, part[0], part[1]);
                execute(c, "COMMIT");
            }
            int chunks = (n + ChunkCodec.CHUNK_POINTS - 1) / ChunkCodec.CHUNK_POINTS;
            assertThat(count(c, "SELECT count(*) FROM metric_chunks")).isEqualTo(chunks);
            assertThat(query(c, "SELECT count, last_step, min IS NOT NULL, max IS NOT NULL FROM metric_summaries"))
                    .containsExactly(n + "|" + (n - 1) + "|t|t");
            // the chunk holding the NaN has a NULL-free min/max of the rest (NaN never reaches a REAL column)
            assertThat(count(c, "SELECT count(*) FROM metric_chunks WHERE vmin = 'NaN' OR vmax = 'NaN' "
                    + "OR last_val = 'NaN'")).isZero();

            MetricSeries all = MetricSeriesReader.read(c, run, key, "loss", SeriesRange.all());
            assertThat(all.steps()).isEqualTo(steps);
            assertThat(all.timestamps()).isEqualTo(ts);
            assertThat(all.values()).containsExactly(values);
            MetricSeries some = MetricSeriesReader.read(c, run, key, "loss", SeriesRange.steps(250, 260));
            assertThat(some.steps()).containsExactly(250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260);
        }
    }
}
