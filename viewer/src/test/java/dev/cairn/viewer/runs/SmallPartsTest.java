package dev.cairn.viewer.runs;

import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.query.FilterSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {
    @TempDir
    Path dir;

    private static RunDetails details(String name, Map<String, String> params) {
        Run run = new Run("0123456789abcdef0123456789abcdef", 1, "churn", name, RunStatus.FINISHED, 1000L, 4000L,
                "ana", null, Lifecycle.ACTIVE, null, null, null, null, null, 1);
        return new RunDetails(run, params, Map.of("team", "risk"),
                Map.of("loss", new MetricSummary("loss", 0.2, 0.1, 0.9, 4, 3, 0)));
    }

    @Test
    void columnSpecsRoundTripTheirIdsAndReadValues() {
        for (ColumnSpec c : List.of(ColumnSpec.param("lr"), ColumnSpec.tag("team"),
                ColumnSpec.metric("val:loss", MetricAggregate.MAX))) {
            assertThat(ColumnSpec.parse(c.id())).isEqualTo(c);
        }
        assertThat(ColumnSpec.parse("metric:median:loss")).isNull();
        assertThat(ColumnSpec.parse("bogus")).isNull();
        RunDetails d = details("a", Map.of("lr", "1e-3", "model", "tree"));
        assertThat(ColumnSpec.param("lr").value(d)).isEqualTo(0.001);
        assertThat(ColumnSpec.param("model").value(d)).isEqualTo("tree");
        assertThat(ColumnSpec.metric("loss", MetricAggregate.MIN).value(d)).isEqualTo(0.1);
        assertThat(ColumnSpec.metric("loss", MetricAggregate.MAX).text(d)).isEqualTo("0.9");
        assertThat(ColumnSpec.tag("team").text(d)).isEqualTo("risk");
        assertThat(ColumnSpec.param("missing").value(d)).isNull();
    }

    @Test
    void cellValuesSortNumbersThenTextThenEmpty() {
        List<Object> values = new ArrayList<>(List.of("b", 2.0, "A", 10.0));
        values.add(null);
        values.add(0, null);
        values.sort(CellValues.ORDER);
        assertThat(values).containsExactly(2.0, 10.0, "A", "b", null, null);
    }

    @Test
    void completionOffersPrefixesThenKnownNames() {
        List<String> metrics = List.of("loss", "val loss", "accuracy");
        var prefixes = FilterCompletion.suggest("met", 3, metrics, List.of(), List.of());
        assertThat(prefixes).extracting(FilterCompletion.Suggestion::replacement).containsExactly("metrics.");
        String text = "params.lr > 1 and metrics.lo";
        var names = FilterCompletion.suggest(text, text.length(), metrics, List.of("lr"), List.of());
        assertThat(names).extracting(FilterCompletion.Suggestion::replacement).containsExactly("metrics.loss");
        assertThat(names.get(0).applyTo(text)).isEqualTo("params.lr > 1 and metrics.loss");
        var quoted = FilterCompletion.suggest("metrics.v", 9, metrics, List.of(), List.of());
        assertThat(quoted.get(0).replacement()).isEqualTo("metrics.`val loss`");
        assertThat(FilterCompletion.suggest("zzz", 3, metrics, List.of(), List.of())).isEmpty();
    }

    @Test
    void filterErrorsReadTheColumnFromTheMessage() {
        FilterError e = FilterError.from(new dev.cairn.store.model.StoreException("Unexpected '<' at column 14"));
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.message()).contains("Unexpected");
        assertThat(FilterError.from(new dev.cairn.store.model.StoreException("bad")).column()).isEqualTo(-1);
        FilterError syntax = FilterError.from(new dev.cairn.store.query.FilterSyntaxException(7, "expected a value"));
        assertThat(syntax.column()).isEqualTo(6);
        assertThat(syntax.message()).contains("expected a value");
    }

    @Test
    void csvQuotesAwkwardFieldsAndListsEveryKey() throws IOException {
        StringWriter out = new StringWriter();
        RunCsvWriter.write(List.of(details("a, \"quoted\"", Map.of("lr", "0.1"))), out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,experiment,name,status,lifecycle,start_time,end_time,duration_ms,user,"
                + "parent_id,params.lr,metrics.loss.last,metrics.loss.min,metrics.loss.max,tags.team");
        assertThat(lines[1]).contains("\"a, \"\"quoted\"\"\"").contains(",3000,ana,,0.1,0.2,0.1,0.9,risk");
    }

    @Test
    void exporterWritesTheFileOrNothing() throws IOException {
        Path csv = dir.resolve("runs.csv");
        new RunExporter(null).export(List.of(details("a", Map.of())), csv, RunExporter.Format.CSV);
        assertThat(Files.readString(csv)).startsWith("id,experiment");
        Path json = dir.resolve("runs.json");
        assertThatThrownBy(() -> new RunExporter(null).export(List.of(), json, RunExporter.Format.JSON))
                .hasMessageContaining("JSON export is not available");
        assertThat(json).doesNotExist();
        new RunExporter((runs, w) -> w.write("[" + runs.size() + "]")).export(List.of(details("a", Map.of())), json,
                RunExporter.Format.forFile(json));
        assertThat(Files.readString(json)).isEqualTo("[1]");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs.csv", "runs.json");
        }
    }

    @Test
    void columnChooserSearchesAndKeepsOrder() {
        ColumnChooserViewModel vm = new ColumnChooserViewModel(List.of("lr", "depth"), List.of("loss"),
                List.of("team"), List.of(ColumnSpec.param("depth")));
        assertThat(vm.visibleCandidates()).hasSize(2 + 3 + 1);
        vm.searchProperty().set("LOSS");
        assertThat(vm.visibleCandidates()).extracting(ColumnSpec::id)
                .containsExactly("metric:last:loss", "metric:min:loss", "metric:max:loss");
        vm.setChosen(ColumnSpec.metric("loss", MetricAggregate.MIN), true);
        vm.setChosen(ColumnSpec.param("lr"), true);
        assertThat(vm.chosenInOrder()).containsExactly(ColumnSpec.param("depth"), ColumnSpec.param("lr"),
                ColumnSpec.metric("loss", MetricAggregate.MIN));
        vm.setChosen(ColumnSpec.param("depth"), false);
        assertThat(vm.chosenInOrder()).doesNotContain(ColumnSpec.param("depth"));
    }
}
