package dev.cairn.app.demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo logs every training call at INFO through java.util.logging; the demo trains hundreds of models, so it
 * turns that down to warnings while it trains and restores the previous level afterwards.
 */
final class TribuoLogging implements AutoCloseable {
    private final Logger tribuo = Logger.getLogger("org.tribuo");
    private final Level previous;

    private TribuoLogging() {
        previous = tribuo.getLevel();
        tribuo.setLevel(Level.WARNING);
    }

    static TribuoLogging quiet() {
        return new TribuoLogging();
    }

    @Override
    public void close() {
        tribuo.setLevel(previous);
    }
}
