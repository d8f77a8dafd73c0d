package dev.cairn.viewer.runs;

import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultColumnsTest {
    private static RunDetails run(Map<String, String> params, String... metrics) {
        Run run = new Run("0123456789abcdef0123456789abcdef", 1, "churn", "r", RunStatus.FINISHED, 1000L, 4000L,
                "ana", null, Lifecycle.ACTIVE, null, null, null, null, null, 1);
        Map<String, MetricSummary> m = new LinkedHashMap<>();
        for (String k : metrics) {
            m.put(k, new MetricSummary(k, 0.5, 0.1, 0.9, 3, 2, 0));
        }
        return new RunDetails(run, params, Map.of(), m);
    }

    private static List<String> ids(List<ColumnSpec> specs) {
        return specs.stream().map(ColumnSpec::id).toList();
    }

    @Test
    void keyMetricsComeFirstThenTheParamsThatDiffer() {
        List<RunDetails> runs = List.of(
                run(Map.of("lr", "0.1", "seed", "1", "model", "rf"), "epoch_time", "val_accuracy", "train_loss"),
                run(Map.of("lr", "0.01", "seed", "1", "model", "rf"), "epoch_time", "val_accuracy", "train_loss",
                        "f1"),
                run(Map.of("lr", "0.001", "seed", "1"), "val_accuracy"));
        assertThat(ids(DefaultColumns.of(runs, false, 10))).containsExactly("metric:last:val_accuracy",
                "metric:last:train_loss", "metric:last:f1", "metric:last:epoch_time", "param:lr", "param:model");
    }

    @Test
    void aNarrowTableKeepsTheKeyMetricsAndTheDifferingParams() {
        List<RunDetails> runs = List.of(run(Map.of("lr", "0.1"), "auc", "zeta", "alpha"),
                run(Map.of("lr", "0.2"), "auc", "zeta", "alpha"));
        assertThat(ids(DefaultColumns.of(runs, false, 2))).containsExactly("metric:last:auc", "param:lr");
        assertThat(ids(DefaultColumns.of(runs, false, 3))).containsExactly("metric:last:auc", "metric:last:alpha",
                "param:lr");
    }

    @Test
    void allExperimentsShowsTheMetricsMostRunsShareAndNoParams() {
        List<RunDetails> runs = List.of(run(Map.of("lr", "1"), "loss", "rmse"), run(Map.of("lr", "2"), "loss"),
                run(Map.of("depth", "3"), "loss", "accuracy"), run(Map.of(), "mae"));
        assertThat(ids(DefaultColumns.of(runs, true, 10))).containsExactly("metric:last:loss");
    }

    @Test
    void noRunsNoColumns() {
        assertThat(DefaultColumns.of(List.of(), false, 5)).isEmpty();
        assertThat(DefaultColumns.rank("val_error")).isEqualTo(5);
        assertThat(DefaultColumns.of(List.of(run(Map.of("lr", "1"), "loss")), false, 5))
                .containsExactly(ColumnSpec.metric("loss", MetricAggregate.LAST));
    }
}
