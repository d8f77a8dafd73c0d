package dev.cairn.plugin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes UTF-8 strictly, and on an invalid byte first hands over the text before it, failing only on the next
 * read: a parser reading from it stands on the bad byte's line when it fails.
 */
final class StrictUtf8Reader extends Reader {
    /** An invalid byte sequence at a byte offset of the input. */
    static final class MalformedInputException extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long offset;
        private final String bytes;

        MalformedInputException(long offset, String bytes) {
            this.offset = offset;
            this.bytes = bytes;
        }

        @Override
        public String getMessage() {
            return String.format(Locale.ROOT, "%s at byte %,d of the file", bytes, offset);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    /** File offset of {@code bytes}' index 0. */
    private long base;
    private boolean eof;
    private boolean flushed;
    private MalformedInputException failure;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (!flushed) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                failure = malformed(result.length());
                if (out.position() > off) {
                    break;
                }
                throw failure;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                if (decoder.flush(out).isOverflow()) {
                    break;
                }
                flushed = true;
            } else if (out.position() > off) {
                break;
            } else {
                fill();
            }
        }
        int n = out.position() - off;
        return n == 0 && flushed ? -1 : n;
    }

    private MalformedInputException malformed(int length) {
        StringBuilder bad = new StringBuilder(length > 1 ? "bytes" : "byte");
        for (int i = 0; i < length; i++) {
            bad.append(String.format(Locale.ROOT, " 0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new MalformedInputException(base + bytes.position() + 1, bad.toString());
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n;
        do {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } while (n == 0);
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
