package dev.cairn.app.demo;

import dev.cairn.store.TrackingStore;

import java.time.Instant;
import java.util.function.DoubleConsumer;

/**
 * One part of the demo data (the hyperparameter sweep; later the model registry, drift batches...). Each section
 * owns one experiment and writes it all-or-nothing; {@link DemoData} skips sections whose experiment is already
 * in the store.
 */
public interface DemoSection {

    /** The experiment this section writes, e.g. "demo: crescents classifier". */
    String experiment();

    /** Rough share of the total work, for progress (the sweep is 1.0). */
    default double weight() {
        return 1.0;
    }

    /**
     * Writes the section into {@code store}.
     *
     * @param now      the moment the demo is generated; simulated timestamps end shortly before it
     * @param progress receives values from 0 to 1 for this section, on the calling thread
     * @return the number of runs written
     */
    int write(TrackingStore store, Instant now, DoubleConsumer progress);
}
