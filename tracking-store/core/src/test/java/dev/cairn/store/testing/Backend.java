package dev.cairn.store.testing;

/** The store backends every contract test runs against. */
public enum Backend {
    SQLITE,
    POSTGRESQL
}
