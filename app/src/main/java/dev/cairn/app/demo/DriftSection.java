package dev.cairn.app.demo;

import dev.cairn.app.monitoring.RuleEvaluator;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * The drift demo: a churn model with three versions trained in the experiment "demo: churn model", promoted over
 * time (version 3 is rolled back to version 2 after a few days), and for the Production version a reference of
 * 5,000 training rows plus 30 daily batches of production traffic in which {@code tenure_months} and {@code plan}
 * drift gradually. Batches carry the model's prediction, churn probability and the true label (so performance per
 * day and per region and plan can be charted: the region gap grows), and the predictions of version 3 as a
 * challenger. Two alert rules (accuracy below 0.7 for two days, recall gap between regions above 0.3) raise alerts.
 * Written in one transaction.
 */
public final class DriftSection implements DemoSection {
    /** The experiment this section writes. */
    public static final String EXPERIMENT = "demo: churn model";
    /** The registered model it creates. */
    public static final String MODEL = "churn-classifier";
    static final int BATCHES = 30;
    static final int REFERENCE_ROWS = 5_000;
    static final int BATCH_ROWS = 1_000;
    private static final String USER = "grace";

    @Override
    public String experiment() {
        return EXPERIMENT;
    }

    @Override
    public double weight() {
        return 0.3;
    }

    @Override
    public int write(TrackingStore store, Instant now, DoubleConsumer progress) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant firstBatch = today.minus(Duration.ofDays(BATCHES + 1L));
        store.write(w -> {
            String[] runs = new String[3];
            double[] accuracy = {0.78, 0.83, 0.81};
            for (int v = 0; v < 3; v++) {
                Instant trained = firstBatch.minus(Duration.ofDays(40L - 12L * v));
                if (v == 2) {
                    trained = firstBatch.plus(Duration.ofDays(10));
                }
                Run run = store.runs().create(NewRun.in(EXPERIMENT).withName("churn-v" + (v + 1))
                        .withUser(USER).withStatus(RunStatus.FINISHED)
                        .withTimes(trained.toEpochMilli(), trained.plusSeconds(600).toEpochMilli()));
                store.runs().logParams(run.id(), Map.of("model", v == 0 ? "logistic" : "gradient-boosting",
                        "features", "tenure_months,plan,monthly_spend,region"));
                store.runs().setTag(run.id(), SweepSection.DEMO_TAG, "drift");
                store.metrics().append(run.id(), "val_accuracy", 0, trained.plusSeconds(600).toEpochMilli(),
                        accuracy[v]);
                runs[v] = run.id();
                store.registry().register(NewModelVersion.of(MODEL).fromRun(run.id())
                                .withDescription("churn model trained " + trained.toString().substring(0, 10)),
                        ChangeOptions.by(USER).at(trained.plusSeconds(900).toEpochMilli()));
            }
            ChangeOptions promote = ChangeOptions.by(USER).archivingExisting();
            store.registry().promote(MODEL, 1, Stage.PRODUCTION, Expectation.nothing(),
                    promote.at(firstBatch.minus(Duration.ofDays(38)).toEpochMilli()));
            store.registry().promote(MODEL, 2, Stage.STAGING, Expectation.nothing(),
                    promote.at(firstBatch.minus(Duration.ofDays(20)).toEpochMilli()));
            store.registry().promote(MODEL, 2, Stage.PRODUCTION, Expectation.nothing(),
                    promote.at(firstBatch.minus(Duration.ofDays(2)).toEpochMilli()));
            store.registry().promote(MODEL, 3, Stage.PRODUCTION, Expectation.nothing(),
                    promote.withComment("retrained on recent data").at(firstBatch.plus(Duration.ofDays(11)).toEpochMilli()));
            store.registry().rollback(MODEL, Stage.PRODUCTION, Expectation.nothing(), ChangeOptions.by(USER)
                    .withComment("v3 mis-scores enterprise accounts").at(firstBatch.plus(Duration.ofDays(14)).toEpochMilli()));

            ProfileOptions options = ProfileOptions.defaults().withPrediction("predicted_churn").withLabel("churned")
                    .withScore("churn_score").withPositive("yes").withSegments(List.of("region", "plan"));
            store.monitoring().addRule(new AlertRule(0, MODEL, null, RuleKind.METRIC, "accuracy", null, true, 0.7, 2));
            store.monitoring().addRule(new AlertRule(0, MODEL, null, RuleKind.SLICE_GAP, "recall", "region", false,
                    0.3, 1));
            List<String> columns = Arrays.asList(ChurnTraffic.COLUMNS);
            RuleEvaluator rules = new RuleEvaluator(store, () -> {
                throw new IllegalStateException("the demo has no drift-share rules");
            });
            DatasetWriter reference = new DriftDatasets(store.drift()).referenceWriter(MODEL, 2, columns, options);
            ChurnTraffic training = new ChurnTraffic(7, 0.0);
            for (int i = 0; i < REFERENCE_ROWS; i++) {
                reference.row(training.next());
            }
            reference.commit();
            for (int day = 0; day < BATCHES; day++) {
                double drift = (double) day / (BATCHES - 1);
                ChurnTraffic traffic = new ChurnTraffic(1000L + day, drift);
                Instant at = firstBatch.plus(Duration.ofDays(day));
                DatasetWriter batch = new DriftDatasets(store.drift()).batchWriter(MODEL, 2, at, columns, options);
                for (int i = 0; i < BATCH_ROWS; i++) {
                    batch.row(traffic.next());
                }
                batch.commit();
                rules.evaluate(MODEL, 2, at);
                progress.accept((day + 1.0) / BATCHES);
            }
        });
        return 3;
    }
}
