package dev.cairn.store;

/**
 * A run inside one {@link StoreWriter unit of work}: returned by {@link StoreWriter#createRun} and
 * {@link StoreWriter#run}, valid only inside the unit of work that made it.
 */
public interface RunRef {
    /** The run's id (32 lower-case hex characters). */
    String id();
}
