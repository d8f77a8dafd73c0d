package dev.cairn.store.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

/**
 * Base of the contract tests: a subclass annotated {@code @ParameterizedClass @EnumSource(Backend.class)} runs every
 * test once per backend, with {@link #stores} ready before its own {@code @BeforeEach} methods and closed after.
 */
public abstract class StoreContract {
    @Parameter
    protected Backend backend;

    @TempDir
    protected Path dir;

    protected TestStores stores;

    @BeforeEach
    void openStores() {
        stores = new TestStores(backend, dir);
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }
}
