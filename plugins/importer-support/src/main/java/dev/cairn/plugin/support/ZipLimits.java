package dev.cairn.plugin.support;

/**
 * How much a zip may unpack to before it is refused as a zip bomb (see decision 0014): the bytes of all entries, the
 * bytes of one entry, the number of entries, and how many times its compressed size an entry (or the whole archive)
 * may grow once it is past {@code ratioFloorBytes}. Sizes are counted as the bytes come out of the inflater
 * ({@link BoundedZip}), never taken from the archive's headers.
 *
 * @param maxTotalBytes   the bytes of all entries
 * @param maxEntryBytes   the bytes of one entry
 * @param maxEntries      the number of entries
 * @param maxRatio        how many times its compressed size an entry, or the whole archive, may unpack to
 * @param ratioFloorBytes the size below which the ratio is not checked
 */
public record ZipLimits(long maxTotalBytes, long maxEntryBytes, int maxEntries, long maxRatio, long ratioFloorBytes) {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    /** 8 GiB in all, 4 GiB an entry, 200,000 entries, 200 times past 1 MiB. */
    public static final ZipLimits DEFAULT = new ZipLimits(8 * GIB, 4 * GIB, 200_000, 200, MIB);

    /** Refuses limits that are not positive. */
    public ZipLimits {
        if (maxTotalBytes <= 0 || maxEntryBytes <= 0 || maxEntries <= 0 || maxRatio <= 0 || ratioFloorBytes < 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
