package dev.cairn.store.bench;

import java.util.Arrays;

/** Wall-clock timing helpers: a median of repeated runs after warm-up. */
final class Timer {
    private Timer() {
    }

    interface Work {
        void run() throws Exception;
    }

    static double millis(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Median wall time in ms of {@code reps} runs after {@code warmup} unmeasured ones. */
    static double medianMillis(int warmup, int reps, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            times[i] = millis(work);
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    /** Median CPU time of the calling thread in ms (insensitive to other processes' load). */
    static double medianCpuMillis(int warmup, int reps, Work work) throws Exception {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = bean.getCurrentThreadCpuTime();
            work.run();
            times[i] = (bean.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
