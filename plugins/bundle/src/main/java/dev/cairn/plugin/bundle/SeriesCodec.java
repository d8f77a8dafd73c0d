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

    static List<ImportedSeries> read(DataInputStream in, String entry) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1_000_000) {
            throw new IOException(entry + ": offset 0: bad series count " + count);
        }
        List<ImportedSeries> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            int n = in.readInt();
            if (n < 0) {
                throw new IOException(entry + ": series '" + key + "' has a negative length");
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
