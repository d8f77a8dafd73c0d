package dev.cairn.store.registry;

/**
 * What a rollback would do if run now: {@code currentVersion} loses the stage or alias (a stage's holder is
 * archived) and {@code previousVersion}, now in {@code previousStage}, gets it back.
 */
public record RollbackPreview(int currentVersion, int previousVersion, Stage previousStage) {
}
