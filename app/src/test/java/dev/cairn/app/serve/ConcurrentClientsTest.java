package dev.cairn.app.serve;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 clients logging at once into their own runs: every request answered 200, every point stored, exactly; and
 * requests that share a transaction (group commit) keep their own outcome.
 */
class ConcurrentClientsTest extends ServerFixture {
    private static final int CLIENTS = 16;
    private static final int BATCHES = 20;

    @Test
    void sixteenClientsLoseNothing() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            runs.add(newRun());
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String run : runs) {
                done.add(clients.submit(() -> {
                    ApiClient own = new ApiClient(server.uri());
                    int ok = 0;
                    for (int b = 0; b < BATCHES; b++) {
                        StringBuilder body = new StringBuilder("{\"run_id\": \"" + run + "\", \"metrics\": [");
                        for (int i = 0; i < 1000; i++) {
                            body.append(i == 0 ? "" : ",").append("{\"key\": \"k").append(i % 4)
                                    .append("\", \"value\": ").append(b * 1000 + i).append(".5, \"timestamp\": ")
                                    .append(1700000000000L + i).append(", \"step\": ").append(b * 1000 + i)
                                    .append('}');
                        }
                        body.append("]}");
                        if (own.post("runs/log-batch", body.toString()).status() == 200
                                && own.post("runs/log-parameter", "{\"run_id\": \"" + run + "\", \"key\": \"p"
                                        + b + "\", \"value\": \"" + b + "\"}").status() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(BATCHES);
            }
        } finally {
            clients.shutdownNow();
        }
        for (String run : runs) {
            long points = 0;
            for (int k = 0; k < 4; k++) {
                points += store.metrics().read(run, "k" + k).size();
            }
            assertThat(points).isEqualTo(BATCHES * 1000L);
            assertThat(store.runs().params(run)).hasSize(BATCHES);
            assertThat(store.metrics().summaries(run).get("k3").count()).isEqualTo(BATCHES * 250L);
        }
    }

    @Test
    void conflictingRequestsLoggedTogetherKeepTheirOwnOutcome() throws Exception {
        String run = newRun();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<ApiClient.Reply> replies = new ArrayList<>();
        try {
            List<Future<ApiClient.Reply>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    ApiClient own = new ApiClient(server.uri());
                    start.await();
                    return own.post("runs/log-batch", "{\"run_id\": \"" + run + "\", \"params\": [{\"key\": \"p\", "
                            + "\"value\": \"" + client + "\"}], \"metrics\": [{\"key\": \"m" + client + "\", \"value\": 1, "
                            + "\"timestamp\": 1, \"step\": 0}]}");
                }));
            }
            for (Future<ApiClient.Reply> f : done) {
                replies.add(f.get());
            }
        } finally {
            clients.shutdownNow();
        }
        // the first param value written wins; every other request is refused whole (MLflow's rule)
        String winner = store.runs().params(run).get("p");
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 200).hasSize(CLIENTS - 1)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
        assertThat(store.metrics().summaries(run)).containsOnlyKeys("m" + winner);
    }
}
