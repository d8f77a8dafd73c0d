package dev.cairn.plugin.tensorboard;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Hand-run throughput check for event-file parsing (target: at least 50 MB/s). Writes a synthetic event file of
 * the given size in MB (default 256) with PyTorch-style simple scalars, TF2 tensor scalars and histograms over
 * 40 tags, then parses it a few times and prints MB/s.
 *
 * <pre>java -cp target/classes:target/test-classes:$(deps) dev.cairn.plugin.tensorboard.TfRecordThroughput 256</pre>
 */
public final class TfRecordThroughput {
    private TfRecordThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = (args.length > 0 ? Long.parseLong(args[0]) : 256) << 20;
        Path file = Files.createTempFile("events.out.tfevents.", ".bench");
        try {
            long points = write(file, targetBytes);
            long size = Files.size(file);
            Consumer<String> ignore = w -> { };
            for (int round = 1; round <= 4; round++) {
                RunData run = new RunData();
                long t0 = System.nanoTime();
                new EventFileParser().parse(file, run, ignore);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: %.1f MB in %.3f s = %.1f MB/s (%d records, %d scalar points of %d)%n",
                        round, size / 1048576.0, secs, size / 1048576.0 / secs, run.records, run.scalarPoints,
                        points);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long write(Path file, long targetBytes) throws Exception {
        long points = 0;
        try (EventFileWriter w = new EventFileWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            long step = 0;
            while (w.bytesWritten() < targetBytes) {
                double wall = 1_700_000_000.0 + step * 0.01;
                for (int t = 0; t < 20; t++) {
                    w.simpleScalar(wall, step, "train/metric_" + t, (float) Math.sin(step + t));
                    points++;
                }
                for (int t = 0; t < 20; t++) {
                    w.tensorScalarFloat(wall, step, "val/metric_" + t, (float) Math.cos(step + t), step == 0);
                    points++;
                }
                if (step % 50 == 0) {
                    w.histogram(wall, step, "weights");
                }
                step++;
            }
        }
        return points;
    }
}
