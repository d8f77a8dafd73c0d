package dev.cairn.store.registry;

import dev.cairn.store.model.StoreException;

/**
 * A registry action cannot be done in the current state (for example a rollback with no earlier version, or a
 * promotion of a version already in that stage); nothing was written.
 */
public class RegistryRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public RegistryRefusedException(String message) {
        super(message);
    }
}
