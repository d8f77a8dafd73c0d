package dev.cairn.app.serve;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping while clients log: every batch answered 200 is stored, requests in flight finish, nothing half-written. */
class ShutdownTest extends ServerFixture {

    @Test
    void closeWhileLoggingLosesNothingThatWasAnswered() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(newRun());
        }
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<int[]>> done = new ArrayList<>();
        for (String run : runs) {
            done.add(clients.submit(() -> {
                ApiClient own = new ApiClient(server.uri());
                int ok = 0;
                for (int b = 0; b < 200; b++) {
                    try {
                        if (own.post("runs/log-batch", ServerBenchmark.batchBody(run, b, "m")).status() == 200) {
                            ok++;
                            answered.incrementAndGet();
                        }
                    } catch (RuntimeException closed) {
                        break;
                    }
                }
                return new int[] {ok};
            }));
        }
        while (answered.get() < 8 && !done.stream().allMatch(Future::isDone)) {
            Thread.onSpinWait();
        }
        server.close();
        long stored = 0;
        long ok = 0;
        for (int i = 0; i < runs.size(); i++) {
            ok += done.get(i).get()[0];
            var s = store.metrics().summaries(runs.get(i)).get("m");
            stored += s == null ? 0 : s.count();
        }
        clients.shutdownNow();
        assertThat(ok).isGreaterThanOrEqualTo(8);
        assertThat(stored % 1000).as("whole batches only").isZero();
        assertThat(stored).as("every answered batch stored").isGreaterThanOrEqualTo(ok * 1000);
    }
}
