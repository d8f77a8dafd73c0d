package dev.cairn.store.registry;

/**
 * The outcome of a rollback.
 *
 * @param restoredVersion the version that got the stage or alias back
 * @param replacedVersion the version that lost it (archived for a stage)
 * @param event           the rollback event recorded
 */
public record RollbackResult(int restoredVersion, int replacedVersion, ModelEvent event) {
}
