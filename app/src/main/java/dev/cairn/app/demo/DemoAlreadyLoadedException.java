package dev.cairn.app.demo;

import java.util.List;

/** The store already holds every demo experiment; nothing was written. */
public final class DemoAlreadyLoadedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DemoAlreadyLoadedException(String store, List<String> experiments) {
        super("The demo data is already in " + store + " (experiment" + (experiments.size() == 1 ? " " : "s ")
                + String.join(", ", experiments.stream().map(e -> "'" + e + "'").toList())
                + "); nothing was written. To load it again, use a new store.");
    }
}
