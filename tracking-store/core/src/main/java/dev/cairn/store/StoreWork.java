package dev.cairn.store;

/**
 * Writes done in one unit of work (see {@link TrackingStore#write(StoreWork)}). It may run more than once when
 * another writer held the lock, so it must not have side effects outside the store; use
 * {@link StoreWriter#afterCommit(Runnable)} for those.
 */
@FunctionalInterface
public interface StoreWork {
    void run(StoreWriter writer);
}
