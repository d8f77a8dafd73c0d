package dev.cairn.viewer.common;

/** A handle on submitted background work: cancelling it means its result is never delivered. */
@FunctionalInterface
public interface Cancellable {
    /** Stops delivery of the result (and stops the store reads of the work when it is still running). */
    void cancel();

    /** A handle that does nothing. */
    Cancellable NONE = () -> { };
}
