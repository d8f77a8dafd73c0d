package dev.cairn.store.model;

/** A dataset a run used, as MLflow records it (digest may be empty; schema is free text, often JSON). */
public record DatasetInput(String name, String digest, String source, String schema, String context) {
}
