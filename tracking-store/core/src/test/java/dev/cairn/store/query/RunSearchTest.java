package dev.cairn.store.query;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search against a real store. Fixture (experiment "exp" unless noted; start times 1000 * n):
 * <pre>
 * run    params                      metrics (acc; loss series)       tags              other
 * alpha  lr=0.1   optimizer=adam     acc 0.9;  loss 1.0, 0.2, 0.5     team=Vision       FINISHED, end 1500
 * beta   lr=0.01  optimizer=Adam     acc 0.6;  loss 0.3               team=vision       FINISHED, end 9000
 * gamma  lr=1e-3  optimizer=sgd      acc NaN;  loss 0.1, 0.4          team=nlp          child of alpha
 * delta  lr=auto                     acc +inf                         mlflow.runName=d2 dataset mnist
 * (none)                                                                                FAILED
 * zeta   (deleted)                   acc 0.95
 * eta    (experiment "other")        acc 0.99
 * </pre>
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RunSearchTest extends StoreContract {
    private TrackingStore store;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void fixture() {
        store = stores.open("s.db");
        Run alpha = run("alpha", "exp", 1, RunStatus.FINISHED, 1500L, null);
        run("beta", "exp", 2, RunStatus.FINISHED, 9000L, null);
        run("gamma", "exp", 3, RunStatus.RUNNING, null, alpha.id());
        run("delta", "exp", 4, RunStatus.RUNNING, null, null);
        run(null, "exp", 5, RunStatus.FAILED, 5100L, null);
        run("zeta", "exp", 6, RunStatus.FINISHED, null, null);
        run("eta", "other", 7, RunStatus.FINISHED, null, null);

        store.runs().logParams(ids.get("alpha"), Map.of("lr", "0.1", "optimizer", "adam"));
        store.runs().logParams(ids.get("beta"), Map.of("lr", "0.01", "optimizer", "Adam"));
        store.runs().logParams(ids.get("gamma"), Map.of("lr", "1e-3", "optimizer", "sgd"));
        store.runs().logParams(ids.get("delta"), Map.of("lr", "auto"));
        metric("alpha", "acc", 0.9);
        metric("beta", "acc", 0.6);
        metric("gamma", "acc", Double.NaN);
        metric("delta", "acc", Double.POSITIVE_INFINITY);
        metric("zeta", "acc", 0.95);
        metric("eta", "acc", 0.99);
        metric("alpha", "loss", 1.0, 0.2, 0.5);
        metric("beta", "loss", 0.3);
        metric("gamma", "loss", 0.1, 0.4);
        store.runs().setTag(ids.get("alpha"), "team", "Vision");
        store.runs().setTag(ids.get("beta"), "team", "vision");
        store.runs().setTag(ids.get("gamma"), "team", "nlp");
        store.runs().setTag(ids.get("delta"), "mlflow.runName", "d2");
        store.runs().setTag(ids.get("alpha"), "team name", "a b");
        store.runs().addInputs(ids.get("delta"), List.of(new DatasetInput("mnist", "abc123", "s3://x", null,
                "train")));
        store.runs().setNote(ids.get("beta"), "best so far");
        store.runs().delete(ids.get("zeta"));
    }

    private Run run(String name, String experiment, int n, RunStatus status, Long endMs, String parent) {
        Run run = store.runs().create(NewRun.in(experiment).withName(name).withStatus(status)
                .withTimes(1000L * n, endMs).withUser(n % 2 == 0 ? "ann" : "bob").withParent(parent)
                .withArtifactUri("file:///art/" + n));
        ids.put(name == null ? "(none)" : name, run.id());
        return run;
    }

    private void metric(String run, String key, double... values) {
        long[] steps = new long[values.length];
        long[] ts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            steps[i] = i;
            ts[i] = 1000L + i;
        }
        store.metrics().append(ids.get(run), key, steps, ts, values);
    }

    /** Names of the runs matching {@code filter} in the order given. */
    private List<String> names(RunQuery query) {
        List<String> out = new ArrayList<>();
        for (Run r : store.search().searchAll(query)) {
            out.add(r.name() == null ? "(none)" : r.name());
        }
        return out;
    }

    /** Runs of experiment "exp" matching {@code filter}, newest first. */
    private List<String> matching(String filter) {
        return names(RunQuery.all().inExperiments(List.of("exp")).withFilter(filter));
    }

    private List<String> ordered(String... clauses) {
        return names(RunQuery.all().orderedBy(Arrays.asList(clauses)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "metrics.acc > 0.5                 | delta,beta,alpha",
        "metrics.acc >= 0.6                | delta,beta,alpha",
        "metrics.acc < 0.7                 | beta",
        "metrics.acc <= 0.6                | beta",
        "metrics.acc = 0.9                 | alpha",
        "metrics.acc != 0.9                | delta,gamma,beta",
        "metrics.acc = NaN                 | gamma",
        "metrics.acc != NaN                | delta,beta,alpha",
        "metrics.acc > NaN                 | ~~",
        "metrics.acc = inf                 | delta",
        "metrics.acc > -inf                | delta,beta,alpha",
        "metrics.acc < inf                 | beta,alpha",
        "metrics.loss < 0.45               | gamma,beta",
        "metrics.loss.last < 0.45          | gamma,beta",
        "metrics.loss.min < 0.25           | gamma,alpha",
        "metrics.loss.max >= 1             | alpha",
        "metrics.nope > 0                  | ~~",
        "metrics.nope != 0                 | ~~",
        "metrics.nope IS NULL              | (none),delta,gamma,beta,alpha",
        "metrics.loss IS NULL              | (none),delta",
        "metrics.loss IS NOT NULL          | gamma,beta,alpha",
    })
    void metricComparisons(String filter, String expected) {
        assertThat(matching(filter)).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "params.lr = '0.1'                       | alpha",
        "params.lr = '0.001'                     | ~~",
        "params.lr = '1e-3'                      | gamma",
        "params.lr = 0.001                       | gamma",
        "params.lr < 0.05                        | gamma,beta",
        "params.lr >= 0.01                       | beta,alpha",
        "params.lr != 0.1                        | delta,gamma,beta",
        "params.lr != '0.1'                      | delta,gamma,beta",
        "params.optimizer = 'adam'               | alpha",
        "params.optimizer != 'adam'              | gamma,beta",
        "params.optimizer LIKE 'a%'              | alpha",
        "params.optimizer LIKE 'A%'              | beta",
        "params.optimizer ILIKE 'a%'             | beta,alpha",
        "params.optimizer LIKE '_dam'            | beta,alpha",
        "params.optimizer IN ('adam', 'sgd')     | gamma,alpha",
        "params.optimizer NOT IN ('adam')        | gamma,beta",
        "params.optimizer IS NULL                | (none),delta",
        "params.optimizer IS NOT NULL            | gamma,beta,alpha",
        "params.missing = 'x'                    | ~~",
        "params.missing IS NULL                  | (none),delta,gamma,beta,alpha",
    })
    void paramComparisonsAsTextAndAsNumbers(String filter, String expected) {
        assertThat(matching(filter)).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "tags.team = 'vision'                    | beta",
        "tags.team LIKE '%ision'                 | beta,alpha",
        "tags.team LIKE 'V%'                     | alpha",
        "tags.team ILIKE 'V%'                    | beta,alpha",
        "tags.team != 'nlp'                      | beta,alpha",
        "tags.`team name` = 'a b'                | alpha",
        "tags.\"team name\" IS NOT NULL          | alpha",
        "tags.team IN ('nlp', 'Vision')          | gamma,alpha",
        "tags.mlflow.runName = 'alpha'           | alpha",
        "tags.mlflow.runName = 'd2'              | delta",
        "tags.mlflow.runName = 'delta'           | ~~",
        "tags.mlflow.runName LIKE '%a'           | gamma,beta,alpha",
        "tags.mlflow.runName IS NULL             | (none)",
        "tags.mlflow.runName IN ('d2', 'beta')   | delta,beta",
        "run_name LIKE 'al%'                     | alpha",
        "run_name LIKE 'al*'                     | ~~",
        "attributes.run_name LIKE 'gam_a'        | gamma",
        "attributes.run_name IS NULL             | (none)",
        "attributes.status = 'FAILED'            | (none)",
        "attributes.status = 'finished'          | beta,alpha",
        "attributes.status IN ('RUNNING')        | delta,gamma",
        "status != 'RUNNING'                     | (none),beta,alpha",
        "attributes.start_time >= 3000           | (none),delta,gamma",
        "attributes.created < 2000               | alpha",
        "attributes.end_time IS NULL             | delta,gamma",
        "attributes.end_time > 2000              | (none),beta",
        "attributes.duration > 1000              | beta",
        "attributes.duration <= 500              | (none),alpha",
        "attributes.user_id = 'ann'              | delta,beta",
        "user = 'bob'                            | (none),gamma,alpha",
        "attributes.parent_id IS NOT NULL        | gamma",
        "attributes.artifact_uri = 'file:///art/2' | beta",
        "attributes.note ILIKE '%BEST%'          | beta",
        "attributes.experiment = 'exp'           | (none),delta,gamma,beta,alpha",
        "datasets.name = 'mnist'                 | delta",
        "datasets.context = 'train'              | delta",
        "datasets.digest IN ('zzz')              | ~~",
    })
    void tagAndAttributeComparisons(String filter, String expected) {
        assertThat(matching(filter)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void runIdEqualityAndInLists() {
        assertThat(matching("attributes.run_id = '" + ids.get("beta") + "'")).containsExactly("beta");
        assertThat(matching("run_id IN ('" + ids.get("beta") + "', '" + ids.get("gamma") + "')"))
                .containsExactly("gamma", "beta");
        assertThat(matching("run_id NOT IN ('" + ids.get("beta") + "')")).doesNotContain("beta").hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "metrics.acc > 0.8 OR params.optimizer = 'sgd'                            | delta,gamma,alpha",
        "NOT params.optimizer = 'adam'                                            | (none),delta,gamma,beta",
        "NOT metrics.acc > 0.5                                                    | (none),gamma",
        "(params.optimizer = 'adam' OR params.optimizer = 'sgd') AND metrics.loss.min < 0.25 | gamma,alpha",
        "params.optimizer = 'adam' OR params.optimizer = 'sgd' AND metrics.loss.min < 0.15   | gamma,alpha",
        "metrics.acc > 0.5 AND NOT (tags.team = 'vision')                         | delta,alpha",
        "metrics.acc > 0.5 and params.lr < 1 and tags.team ilike 'VISION'         | beta,alpha",
        "NOT (status = 'RUNNING' OR run_name IS NULL)                             | beta,alpha",
    })
    void connectivesAndPrecedence(String filter, String expected) {
        assertThat(matching(filter)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void scopeDeletedRunsAndCount() {
        assertThat(names(RunQuery.all().withFilter("metrics.acc > 0.92"))).containsExactly("eta", "delta");
        assertThat(names(RunQuery.all().withFilter("metrics.acc > 0.92").includingDeleted(true)))
                .containsExactly("eta", "zeta", "delta");
        assertThat(names(RunQuery.all().inExperiments(List.of("other")))).containsExactly("eta");
        assertThat(names(RunQuery.all().inExperiments(List.of("exp")).includingDeleted(true)
                .withFilter("attributes.lifecycle = 'deleted'"))).containsExactly("zeta");
        assertThat(store.search().count(RunQuery.all())).isEqualTo(6);
        assertThat(store.search().count(RunQuery.all().withFilter("metrics.acc > 0.5"))).isEqualTo(4);
        assertThat(store.search().count(RunQuery.all().inExperiments(List.of("exp")))).isEqualTo(5);
        assertThat(store.search().count(RunQuery.all().inExperiments(List.of("exp")).includingDeleted(true)))
                .isEqualTo(6);
    }

    @Test
    void injectionAttemptsMatchNothingAndHarmNothing() {
        assertThat(matching("params.optimizer = 'a'' OR 1=1 --'")).isEmpty();
        assertThat(matching("params.`x' OR 1=1 --` = 'a'")).isEmpty();
        assertThat(matching("tags.\"team'; DROP TABLE runs; --\" = 'x'")).isEmpty();
        assertThat(matching("params.optimizer = 'adam''); DELETE FROM runs; --'")).isEmpty();
        assertThat(store.search().count(RunQuery.all())).isEqualTo(6);
        assertThat(store.runs().params(ids.get("alpha"))).containsEntry("optimizer", "adam");
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void ordersByMetricsWithMissingAndNaNLastInBothDirections() {
        assertThat(ordered("metrics.acc DESC")).containsExactly("delta", "eta", "alpha", "beta", "(none)",
                "gamma");
        assertThat(ordered("metrics.acc ASC")).containsExactly("beta", "alpha", "eta", "delta", "gamma",
                "(none)");
        assertThat(ordered("metrics.loss.min")).containsExactly("gamma", "alpha", "beta", "delta", "(none)",
                "eta");
        assertThat(ordered("metrics.loss.max DESC")).containsExactly("alpha", "gamma", "beta", "eta", "(none)",
                "delta");
        assertThat(ordered("metrics.nope DESC")).containsExactly("eta", "(none)", "delta", "gamma", "beta",
                "alpha");
    }

    @Test
    void ordersParamsNumbersFirstThenTextThenMissing() {
        assertThat(ordered("params.lr")).containsExactly("gamma", "beta", "alpha", "delta", "(none)", "eta");
        assertThat(ordered("params.lr DESC")).containsExactly("alpha", "beta", "gamma", "delta", "eta", "(none)");
        assertThat(ordered("params.optimizer ASC", "metrics.acc DESC"))
                .containsExactly("beta", "alpha", "gamma", "delta", "eta", "(none)");
    }

    @Test
    void ordersByTagsAndAttributes() {
        assertThat(ordered("tags.team")).containsExactly("alpha", "gamma", "beta", "delta", "(none)", "eta");
        assertThat(ordered("tags.mlflow.runName")).containsExactly("alpha", "beta", "delta", "eta", "gamma",
                "(none)");
        assertThat(ordered()).containsExactly("eta", "(none)", "delta", "gamma", "beta", "alpha");
        assertThat(ordered("attributes.start_time ASC")).containsExactly("alpha", "beta", "gamma", "delta",
                "(none)", "eta");
        assertThat(ordered("name")).containsExactly("alpha", "beta", "delta", "eta", "gamma", "(none)");
        assertThat(ordered("run_name DESC")).containsExactly("gamma", "eta", "delta", "beta", "alpha", "(none)");
        assertThat(ordered("end_time DESC")).containsExactly("beta", "(none)", "alpha", "eta", "delta", "gamma");
        assertThat(ordered("duration")).containsExactly("(none)", "alpha", "beta", "gamma", "delta", "eta");
        assertThat(ordered("status", "user", "start_time")).containsExactly("(none)", "beta", "alpha", "eta",
                "delta", "gamma");
        assertThat(ordered("experiment DESC", "start_time ASC")).containsExactly("eta", "alpha", "beta", "gamma",
                "delta", "(none)");
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
