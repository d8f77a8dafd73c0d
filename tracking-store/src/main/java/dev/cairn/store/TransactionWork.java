package dev.cairn.store;

import dev.cairn.store.sql.Tx;

/**
 * Work done in one write transaction through the store's {@code (Tx, ...)} methods, e.g. writing one imported
 * run whole. May run more than once when another process held the lock, so it must not have side effects
 * outside the store.
 */
@FunctionalInterface
public interface TransactionWork {
    void run(Tx tx);
}
