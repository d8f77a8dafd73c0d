package dev.cairn.store.model;

/** A named experiment, run or other entity does not exist in the store. */
public final class NotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
