package dev.cairn.plugin.support;

import java.io.IOException;
import java.io.Reader;

/**
 * Drops a byte order mark at the start and remembers whether the text ended with a line end. With
 * {@code collapseCarriageReturns}, turns every line end (LF, CRLF, the {@code \r\r\n} of Python's csv module on
 * Windows, a lone CR) into one LF, so lines are counted as an editor shows them; otherwise the text passes unchanged.
 * A read that fails in the wrapped reader after some text was read returns that text first.
 */
final class LineEndReader extends Reader {
    private final Reader in;
    private final boolean collapse;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int end;
    private boolean start = true;
    private boolean finished;
    /** CRs seen and not yet written: a CR run followed by LF is one line end, otherwise one per CR. */
    private int pendingCr;
    private char last = '\n';

    LineEndReader(Reader in, boolean collapseCarriageReturns) {
        this.in = in;
        this.collapse = collapseCarriageReturns;
    }

    /** True when the text read so far is empty or ends with a line end. */
    boolean endsWithLineEnd() {
        return pendingCr > 0 || last == '\n' || last == '\r';
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pos == end) {
                if (n > 0) {
                    break; // hand over what we have before reading (and perhaps failing) again
                }
                if (finished) {
                    break;
                }
                int got = in.read(buf, 0, buf.length);
                if (got < 0) {
                    finished = true;
                    continue;
                }
                pos = 0;
                end = got;
                continue;
            }
            char c = buf[pos++];
            if (start) {
                start = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (!collapse) {
                cbuf[off + n++] = c;
                last = c;
                continue;
            }
            if (c == '\r') {
                pendingCr++;
                continue;
            }
            if (c == '\n') {
                pendingCr = 0;
            } else if (pendingCr > 0) {
                if (n + pendingCr >= len) {
                    pos--; // no room for the line ends and this char: next call
                    if (n == 0) {
                        for (; pendingCr > 0 && n < len; pendingCr--) {
                            cbuf[off + n++] = '\n';
                        }
                        last = '\n';
                    }
                    break;
                }
                for (; pendingCr > 0; pendingCr--) {
                    cbuf[off + n++] = '\n';
                }
            }
            cbuf[off + n++] = c;
            last = c;
        }
        if (finished && pos == end) {
            for (; pendingCr > 0 && n < len; pendingCr--) {
                cbuf[off + n++] = '\n';
                last = '\n';
            }
            if (n == 0) {
                return -1;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
