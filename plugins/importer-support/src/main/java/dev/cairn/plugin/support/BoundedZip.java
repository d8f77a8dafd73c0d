package dev.cairn.plugin.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the entries of one zip within its {@link ZipLimits} (decision 0014), so that a zip bomb is refused, whoever
 * reads the zip (a dropped project zip unpacked to disk, a {@code .cairn.zip} bundle read in memory):
 * {@link #checkDeclared} refuses, before anything is read, a zip whose headers already say it is past a limit
 * (headers are used only to refuse early, never to accept); {@link #open} counts an entry's bytes as they come out of
 * the inflater, and reading stops at the first byte past the entry's declared size, the limit of one entry, of all
 * entries, or the compression ratio (of the entry against its compressed size, of all entries read so far against
 * the zip's size). Each refusal is a {@link ZipLimitException}, one line naming the zip and the entry.
 */
public final class BoundedZip {
    private final Path zip;
    private final ZipLimits limits;
    private final String remedy;
    private final long archiveBytes;
    private long total;

    /**
     * @param zip    the zip, named in errors; its size on disk bounds the archive's ratio
     * @param limits the limits
     * @param remedy appended to a refusal, e.g. {@code "; if you trust it, unzip it yourself and import the folder"}
     */
    public BoundedZip(Path zip, ZipLimits limits, String remedy) throws IOException {
        this.zip = zip;
        this.limits = limits;
        this.remedy = remedy;
        this.archiveBytes = Files.size(zip);
    }

    /** A zip read past its limits; the message is one line naming the zip and the entry. */
    public static final class ZipLimitException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipLimitException(String message) {
            super(message);
        }
    }

    /**
     * Refuses a zip whose central directory declares more entries than the limit, one entry or all of them past a
     * byte limit, or an entry past the ratio; returns the bytes all entries declare.
     */
    public long checkDeclared(ZipFile file) throws ZipLimitException {
        long declared = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new ZipLimitException(zip + ": more than " + limits.maxEntries() + " entries (at entry '"
                        + name(e) + "')" + remedy);
            }
            long size = Math.max(0, e.getSize());
            if (size > limits.maxEntryBytes()) {
                throw entryTooBig(e);
            }
            declared += size;
            if (declared > limits.maxTotalBytes()) {
                throw totalTooBig(e);
            }
            if (size > limits.ratioFloorBytes() && e.getCompressedSize() >= 0
                    && size > limits.maxRatio() * Math.max(1, e.getCompressedSize())) {
                throw ratioTooHigh(e);
            }
        }
        return declared;
    }

    /** The bytes of {@code e}, counted against the limits as they are read. */
    public InputStream open(ZipFile file, ZipEntry e) throws IOException {
        return new Counted(file.getInputStream(e), e);
    }

    /** Throws when {@code e}, now {@code written} bytes long after {@code n} more, is past a limit. */
    private void check(ZipEntry e, long written, long n) throws ZipLimitException {
        total += n;
        if (e.getSize() >= 0 && written > e.getSize()) {
            throw new ZipLimitException(zip + ": entry '" + name(e) + "' unpacks to more than the " + e.getSize()
                    + " bytes the archive declares (corrupt, or a zip bomb)");
        }
        if (written > limits.maxEntryBytes()) {
            throw entryTooBig(e);
        }
        if (total > limits.maxTotalBytes()) {
            throw totalTooBig(e);
        }
        if (written > limits.ratioFloorBytes() && e.getCompressedSize() >= 0
                && written > limits.maxRatio() * Math.max(1, e.getCompressedSize())) {
            throw ratioTooHigh(e);
        }
        if (total > limits.ratioFloorBytes() && total > limits.maxRatio() * Math.max(1, archiveBytes)) {
            throw new ZipLimitException(zip + ": unpacks to more than " + limits.maxRatio() + " times its "
                    + ByteCount.format(archiveBytes) + " (at entry '" + name(e) + "'), a zip bomb" + remedy);
        }
    }

    private ZipLimitException entryTooBig(ZipEntry e) {
        return new ZipLimitException(zip + ": entry '" + name(e) + "' unpacks to more than "
                + ByteCount.format(limits.maxEntryBytes()) + ", the limit for one entry" + remedy);
    }

    private ZipLimitException totalTooBig(ZipEntry e) {
        return new ZipLimitException(zip + ": unpacks to more than " + ByteCount.format(limits.maxTotalBytes())
                + " in all (at entry '" + name(e) + "')" + remedy);
    }

    private ZipLimitException ratioTooHigh(ZipEntry e) {
        return new ZipLimitException(zip + ": entry '" + name(e) + "' unpacks to more than " + limits.maxRatio()
                + " times its compressed " + ByteCount.format(Math.max(0, e.getCompressedSize())) + ", a zip bomb"
                + remedy);
    }

    /** An entry's name on one line (a name can hold any character). */
    private static String name(ZipEntry e) {
        return LogFileException.oneLine(e.getName());
    }

    /** An entry's stream that counts what it yields. */
    private final class Counted extends FilterInputStream {
        private final ZipEntry entry;
        private long written;

        Counted(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long n) throws ZipLimitException {
            written += n;
            check(entry, written, n);
        }
    }
}
