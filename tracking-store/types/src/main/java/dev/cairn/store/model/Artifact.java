package dev.cairn.store.model;

/** One file under a run's artifact root; {@code size} in bytes, or null when unknown. */
public record Artifact(String path, Long size) {
}
