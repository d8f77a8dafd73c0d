package dev.cairn.viewer.common;

import java.util.function.DoubleConsumer;

/**
 * Store work to run off the FX thread. {@code progress} accepts a fraction 0..1 (call it from the work thread;
 * runners forward it to the UI).
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface BackgroundJob<T> {
    T run(DoubleConsumer progress) throws Exception;
}
