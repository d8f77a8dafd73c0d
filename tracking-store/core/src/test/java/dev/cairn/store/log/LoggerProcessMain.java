package dev.cairn.store.log;

import java.nio.file.Path;

/**
 * A training job in its own OS process, for the concurrency and crash tests:
 * {@code LoggerProcessMain STORE RUN_NAME POINTS_PER_KEY [report-flushes]}. Logs keys a, b, c, d at steps
 * 0..N-1 with value = step * 0.5 (and NaN at step 7). With report-flushes it flushes every 500 steps and prints
 * {@code flushed <last step>}, and never closes (it waits to be killed).
 */
public final class LoggerProcessMain {
    private LoggerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String runName = args[1];
        int points = Integer.parseInt(args[2]);
        boolean reportFlushes = args.length > 3 && args[3].equals("report-flushes");
        Cairn cairn = Cairn.open(store);
        ActiveRun run = cairn.experiment("concurrent").startRun(runName);
        run.param("process", ProcessHandle.current().pid());
        System.out.println("run " + run.id());
        System.out.flush();
        for (int step = 0; step < points; step++) {
            double v = step == 7 ? Double.NaN : step * 0.5;
            run.metric("a", v, step);
            run.metric("b", v, step);
            run.metric("c", v, step);
            run.metric("d", v, step);
            if (reportFlushes && step % 500 == 499) {
                run.flush();
                System.out.println("flushed " + step);
                System.out.flush();
            }
        }
        if (reportFlushes) {
            Thread.sleep(60_000);
        }
        run.close();
        cairn.close();
    }
}
