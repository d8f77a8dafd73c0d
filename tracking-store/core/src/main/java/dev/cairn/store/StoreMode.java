package dev.cairn.store;

/**
 * How a store file is opened.
 *
 * <ul>
 *   <li>{@link #LOCAL}: a file on a local disk, write-ahead log, many concurrent writers.</li>
 *   <li>{@link #SHARED}: a file on a network drive (SMB/NFS), where WAL is unsafe; a rollback journal is used
 *   instead and memory mapping is off.</li>
 *   <li>{@link #READ_ONLY}: no writes; chosen automatically when the file or its directory is not writable.</li>
 * </ul>
 */
public enum StoreMode {
    LOCAL, SHARED, READ_ONLY;

    /** Lower-case label for status bars and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
