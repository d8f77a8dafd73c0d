package dev.cairn.plugin.bundle;

import dev.cairn.plugin.importer.ImportedSeries;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads a run's series in the bundle's binary layout (see {@link BundleFormat}). */
final class SeriesCodec {
    private SeriesCodec() {
    }

    static void write(DataOutputStream out, List<ImportedSeries> series) throws IOException {
        out.writeInt(series.size());
        for (ImportedSeries s : series) {
            out.writeUTF(s.key());
            out.writeInt(s.size());
            for (long v : s.steps()) {
                out.writeLong(v);
            }
            for (long v : s.timestamps()) {
                out.writeLong(v);
            }
            for (double v : s.values()) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    /**
     * Reads the series of an entry of {@code size} bytes (negative when unknown); counts and lengths beyond what the
     * entry can hold are refused before anything is allocated for them.
     */
    static List<ImportedSeries> read(DataInputStream in, String entry, long size) throws IOException {
        long limit = size < 0 ? Long.MAX_VALUE : size;
        int count = in.readInt();
        if (count < 0 || count > 1_000_000 || count > limit / 6) {
            throw new IOException(entry + ": offset 0: bad series count " + count);
        }
        List<ImportedSeries> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            int n = in.readInt();
            if (n < 0) {
                throw new IOException(entry + ": series '" + key + "' has a negative length");
            }
            if (24L * n > limit) {
                throw new IOException(entry + ": series '" + key + "' claims " + n + " points, more than the "
                        + limit + "-byte entry holds");
            }
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] values = new double[n];
            for (int j = 0; j < n; j++) {
                steps[j] = in.readLong();
            }
            for (int j = 0; j < n; j++) {
                ts[j] = in.readLong();
            }
            for (int j = 0; j < n; j++) {
                values[j] = Double.longBitsToDouble(in.readLong());
            }
            out.add(new ImportedSeries(key, steps, ts, values));
        }
        return out;
    }
}
