package dev.cairn.viewer.testing;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes to two streams: tee {@code System.err} into a buffer to read the log lines slf4j-simple writes there (it
 * writes each line to the {@code System.err} of the moment).
 */
public final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    public TeeStream(OutputStream a, OutputStream b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
        a.write(c);
        synchronized (b) {
            b.write(c);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        a.write(buf, off, len);
        synchronized (b) {
            b.write(buf, off, len);
        }
    }
}
