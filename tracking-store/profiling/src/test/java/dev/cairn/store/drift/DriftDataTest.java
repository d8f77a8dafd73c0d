package dev.cairn.store.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@ParameterizedClass
@EnumSource(Backend.class)
class DriftDataTest extends StoreContract {
    private static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");

    TrackingStore store;

    @BeforeEach
    void open() {
        store = stores.open("drift.db");
        store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
        store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
    }

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void profilesACsvWithInferredTypesQuotesAndCrlf() throws IOException {
        Path file = csv("ref.csv", "age,plan,active,signup,note\r\n"
                + "30,pro,true,2026-01-01,\"hello, world\"\r\n"
                + "40,free,false,2026-01-02,\"multi\nline\"\r\n"
                + "50,pro,true,2026-01-03T10:00:00Z,\"say \"\"hi\"\"\"\r\n"
                + ",pro,,2026-01-04,plain\r\n");
        DatasetProfile ref = new DriftDatasets(store.drift()).setReference("churn", 1, file, ProfileOptions.defaults());

        assertThat(ref.rowCount()).isEqualTo(4);
        assertThat(ref.kind()).isEqualTo(DatasetKind.REFERENCE);
        assertThat(ref.columns()).extracting(ColumnProfile::type).containsExactly(ColumnType.NUMERIC,
                ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.DATETIME, ColumnType.CATEGORICAL);
        ColumnProfile age = ref.column("age").orElseThrow();
        assertThat(age.present()).isEqualTo(3);
        assertThat(age.missing()).isEqualTo(1);
        assertThat(age.numeric().mean()).isEqualTo(40.0);
        assertThat(age.numeric().std()).isCloseTo(10.0, within(1e-12));
        assertThat(age.numeric().min()).isEqualTo(30.0);
        assertThat(age.numeric().max()).isEqualTo(50.0);
        assertThat(age.numeric().median()).isEqualTo(40.0);
        assertThat(age.numeric().histogramCounts()).hasSize(20);
        assertThat(java.util.Arrays.stream(age.numeric().histogramCounts()).sum()).isEqualTo(3);
        assertThat(ref.column("plan").orElseThrow().valueCounts()).containsExactly(Map.entry("pro", 3L),
                Map.entry("free", 1L));
        assertThat(ref.column("active").orElseThrow().valueCounts()).containsEntry("true", 2L).containsEntry("false", 1L);
        assertThat(ref.column("note").orElseThrow().valueCounts()).containsKeys("hello, world", "multi\nline", "say \"hi\"");

        DatasetSample sample = store.drift().sample(ref.id());
        assertThat(sample.column("age").orElseThrow().numbers()).containsExactly(30.0, 40.0, 50.0, Double.NaN);
        assertThat(sample.column("plan").orElseThrow().labels()).containsExactly("pro", "free", "pro", "pro");
        assertThat(sample.column("active").orElseThrow().labels()).containsExactly("true", "false", "true", null);
        assertThat(sample.column("signup").orElseThrow().numbers()[2])
                .isEqualTo(Instant.parse("2026-01-03T10:00:00Z").toEpochMilli());
    }

    @Test
    void aWindowOfBatchesIsReadAloneAndTheRolesOfEveryBatchWithoutTheirProfiles() throws IOException {
        DriftDatasets datasets = new DriftDatasets(store.drift());
        datasets.setReference("churn", 1, csv("ref.csv", "x,pred,label\n1,a,a\n2,b,a\n"), ProfileOptions.defaults());
        datasets.addBatch("churn", 1, DAY1, csv("b0.csv", "x,pred,label\n1,a,a\n2,b,b\n"),
                ProfileOptions.defaults().withPrediction("pred").withLabel("label"));
        for (int day = 1; day < 5; day++) {
            datasets.addBatch("churn", 1, DAY1.plusSeconds(86_400L * day), csv("b" + day + ".csv",
                    "x,pred,label\n" + day + ",a,a\n3,b,b\n"), ProfileOptions.defaults());
        }

        List<DatasetProfile> window = store.drift().batches("churn", 1, DAY1.plusSeconds(86_400L * 3), 2);
        assertThat(window).extracting(DatasetProfile::time).containsExactly(DAY1.plusSeconds(86_400L * 2),
                DAY1.plusSeconds(86_400L * 3));
        assertThat(window.get(1).columns()).extracting(ColumnProfile::name).containsExactly("x", "pred", "label");
        assertThat(window.get(1).column("x").orElseThrow().numeric().mean()).isEqualTo(3.0);
        assertThat(store.drift().batches("churn", 1, null, 1)).extracting(DatasetProfile::time)
                .containsExactly(DAY1.plusSeconds(86_400L * 4));
        assertThat(store.drift().batches("churn", 1, null, 100)).hasSize(5);
        assertThat(store.drift().batches("churn", 1, DAY1.minusSeconds(1), 3)).isEmpty();
        assertThat(store.drift().batches("churn", 2, null, 3)).isEmpty();
        assertThatThrownBy(() -> store.drift().batches("churn", 1, null, 0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.drift().batchRoles("churn", 1)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "x", ColumnRole.FEATURE, "pred", ColumnRole.PREDICTION, "label", ColumnRole.LABEL));
        assertThat(store.drift().batchRoles("churn", 2)).isEmpty();
    }

    @Test
    void typesCanBeOverriddenAndBatchesTakeTheReferenceTypesAndRoles() throws IOException {
        new DriftDatasets(store.drift()).setReference("churn", 1, csv("ref.csv", "zip,pred,label\n1001,a,a\n1002,b,a\n"),
                ProfileOptions.defaults().withType("zip", ColumnType.CATEGORICAL).withPrediction("pred")
                        .withLabel("label"));
        DatasetProfile batch = new DriftDatasets(store.drift()).addBatch("churn", 1, DAY1,
                csv("b.csv", "zip,pred,label\n1001,a,a\n1003,b,b\n1003,a,b\n1004,b,b\n"), ProfileOptions.defaults());

        assertThat(batch.column("zip").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(batch.column("pred").orElseThrow().role()).isEqualTo(ColumnRole.PREDICTION);
        assertThat(batch.column("label").orElseThrow().role()).isEqualTo(ColumnRole.LABEL);
        assertThat(batch.performance()).hasValueSatisfying(p -> {
            assertThat(p.metric()).isEqualTo("accuracy");
            assertThat(p.value()).isEqualTo(0.75);
        });
        assertThat(batch.time()).isEqualTo(DAY1);
        assertThat(store.drift().batches("churn", 1)).hasSize(1);
    }

    @Test
    void aBatchAtTheSameTimeReplacesTheOldOne() throws IOException {
        new DriftDatasets(store.drift()).addBatch("churn", 1, DAY1, csv("a.csv", "x\n1\n2\n"), ProfileOptions.defaults());
        new DriftDatasets(store.drift()).addBatch("churn", 1, DAY1, csv("b.csv", "x\n1\n2\n3\n"), ProfileOptions.defaults());
        new DriftDatasets(store.drift()).addBatch("churn", 1, DAY1.plusSeconds(86400), csv("c.csv", "x\n5\n"), ProfileOptions.defaults());

        List<DatasetProfile> batches = store.drift().batches("churn", 1);
        assertThat(batches).extracting(DatasetProfile::rowCount).containsExactly(3L, 1L);
        assertThat(batches).extracting(DatasetProfile::source).containsExactly("b.csv", "c.csv");
    }

    @Test
    void raggedRowNamesTheLineAndStoresNothing() throws IOException {
        Path file = csv("bad.csv", "a,b\n1,2\n3,4\n5\n");
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, file, ProfileOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bad.csv, line 4").hasMessageContaining("1 fields but the header has 2");
        assertThat(store.drift().reference("churn", 1)).isEmpty();
    }

    @Test
    void badNumberAfterInferenceNamesTheLineAndStoresNothing() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 1500; i++) {
            text.append(i).append(",c\n");
        }
        text.append("oops,c\n");
        Path file = csv("big.csv", text.toString());
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).addBatch("churn", 1, DAY1, file, ProfileOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 1502").hasMessageContaining("column 'x' is numeric")
                .hasMessageContaining("'oops'");
        assertThat(store.drift().batches("churn", 1)).isEmpty();
    }

    @Test
    void badNumberInAColumnTypedNumericNamesTheLine() throws IOException {
        Path file = csv("typed.csv", "x\n1\nabc\n");
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, file,
                ProfileOptions.defaults().withType("x", ColumnType.NUMERIC)))
                .hasMessageContaining("typed.csv, line 3").hasMessageContaining("Nothing was stored");
        assertThat(store.drift().reference("churn", 1)).isEmpty();
    }

    @Test
    void emptyFileAndHeaderOnlyFileAreRefused() throws IOException {
        Path empty = csv("empty.csv", "");
        Path headerOnly = csv("header.csv", "a,b\n");
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, empty, ProfileOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("empty.csv, line 1")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, headerOnly, ProfileOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("header.csv, line 2")
                .hasMessageContaining("no data rows");
        assertThat(store.drift().reference("churn", 1)).isEmpty();
    }

    @Test
    void unclosedQuoteAndDuplicateColumnsAreRefused() throws IOException {
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, csv("q.csv", "a\n1\n\"open\n"),
                ProfileOptions.defaults())).hasMessageContaining("q.csv, line 3").hasMessageContaining("never closed");
        assertThatThrownBy(() -> new DriftDatasets(store.drift()).setReference("churn", 1, csv("d.csv", "a,a\n1,2\n"),
                ProfileOptions.defaults())).hasMessageContaining("d.csv, line 1").hasMessageContaining("twice");
    }

    @Test
    void reservoirIsBoundedAndStatisticsStayExact() {
        DatasetWriter w = new DriftDatasets(store.drift()).referenceWriter("churn", 1, List.of("x", "c"),
                ProfileOptions.defaults().withReservoirSize(1000));
        for (int i = 0; i < 20_000; i++) {
            w.row(i, i % 3 == 0 ? "a" : "b");
        }
        DatasetProfile ref = w.commit();

        assertThat(ref.rowCount()).isEqualTo(20_000);
        assertThat(ref.sampleSize()).isEqualTo(1000);
        assertThat(ref.column("x").orElseThrow().numeric().mean()).isEqualTo(9999.5);
        assertThat(ref.column("x").orElseThrow().numeric().max()).isEqualTo(19_999.0);
        assertThat(ref.column("c").orElseThrow().valueCounts()).containsEntry("a", 6667L).containsEntry("b", 13_333L);
        double[] sampled = store.drift().sample(ref.id()).column("x").orElseThrow().numbers();
        assertThat(sampled).hasSize(1000);
        assertThat(java.util.Arrays.stream(sampled).filter(v -> v >= 10_000).count()).isBetween(350L, 650L);
    }

    @Test
    void writerTakesMapsAndRejectsUnknownColumns() {
        DatasetWriter w = new DriftDatasets(store.drift()).batchWriter("churn", 2, DAY1, List.of("x", "y"), ProfileOptions.defaults());
        w.row(Map.of("x", 1.5, "y", "u"));
        w.row(Map.of("x", 2.5));
        assertThatThrownBy(() -> w.row(Map.of("z", 1))).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("row 3").hasMessageContaining("[z]");
        DatasetProfile b = w.commit();
        assertThat(b.column("y").orElseThrow().missing()).isEqualTo(1);
        assertThat(b.column("x").orElseThrow().numeric().mean()).isEqualTo(2.0);
    }

    @Test
    void regressionPerformanceIsRmse() {
        DatasetWriter w = new DriftDatasets(store.drift()).referenceWriter("churn", 1, List.of("p", "y"),
                ProfileOptions.defaults().withPrediction("p").withLabel("y"));
        w.row(1.0, 2.0).row(3.0, 3.0).row(5.0, 2.0);
        assertThat(w.commit().performance().orElseThrow().value()).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
    }

    @Test
    void defaultVersionIsProductionElseLatest() {
        assertThat(store.drift().defaultVersion("churn")).isEqualTo(2);
        store.registry().promote("churn", 1, Stage.PRODUCTION, Expectation.nothing(), ChangeOptions.by("ann"));
        assertThat(store.drift().defaultVersion("churn")).isEqualTo(1);
        assertThatThrownBy(() -> store.drift().defaultVersion("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.drift().batches("churn", 9)).hasMessageContaining("no version 9");
    }

    @Test
    void settingsRoundTrip() {
        assertThat(store.drift().settings("churn").share()).isEqualTo(0.5);
        store.drift().setShare("churn", 0.3);
        store.drift().setColumnSetting("churn", "age", "psi", 0.2);
        store.drift().setColumnSetting("churn", "plan", null, 0.01);
        DriftSettings s = store.drift().settings("churn");
        assertThat(s.share()).isEqualTo(0.3);
        assertThat(s.columns()).containsEntry("age", new DriftSettings.ColumnSetting("psi", 0.2))
                .containsEntry("plan", new DriftSettings.ColumnSetting(null, 0.01));
        assertThatThrownBy(() -> store.drift().setShare("churn", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
