package dev.cairn.store.model;



/** The store was written by a newer Cairn (a schema version this build does not know); it is left untouched. */
public final class StoreVersionException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final int storeVersion;
    private final int supportedVersion;

    public StoreVersionException(String message, int storeVersion, int supportedVersion) {
        super(message);
        this.storeVersion = storeVersion;
        this.supportedVersion = supportedVersion;
    }

    public int storeVersion() {
        return storeVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
