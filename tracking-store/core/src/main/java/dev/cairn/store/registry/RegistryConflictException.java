package dev.cairn.store.registry;

import dev.cairn.store.model.StoreException;

/**
 * A registry action's expectation did not hold (someone changed the model meanwhile); nothing was written. The
 * message names what was expected, what is, and who changed it when.
 */
public final class RegistryConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    public RegistryConflictException(String message) {
        super(message);
    }
}
