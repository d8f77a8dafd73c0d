package dev.cairn.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * Trains trials on a few worker threads (each trial is independent and seeded, so the results do not depend on
 * the scheduling) and hands back their results in trial order.
 */
final class TrialRunner {
    private static final int MAX_THREADS = 4;

    private TrialRunner() {
    }

    /**
     * Trains every trial.
     *
     * @param progress receives the finished share (0..1) on the calling thread
     */
    static List<TrialResult> trainAll(List<Trial> trials, CrescentsData data, DoubleConsumer progress) {
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cairn-demo-train-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (TribuoLogging quiet = TribuoLogging.quiet()) {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (Trial t : trials) {
                futures.add(pool.submit(() -> t.train(data)));
            }
            List<TrialResult> out = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                out.add(f.get());
                progress.accept(out.size() / (double) trials.size());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data generation was interrupted; nothing was written.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Training a demo model failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
