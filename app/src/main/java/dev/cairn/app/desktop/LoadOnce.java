package dev.cairn.app.desktop;

import java.util.function.Supplier;

/** A value computed on first use (on whichever thread asks first) and kept. */
final class LoadOnce<T> implements Supplier<T> {
    private final Supplier<T> loader;
    private volatile T value;

    LoadOnce(Supplier<T> loader) {
        this.loader = loader;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = loader.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
