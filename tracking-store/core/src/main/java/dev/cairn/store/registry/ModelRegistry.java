package dev.cairn.store.registry;

import dev.cairn.store.model.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry of a store: registered models, numbered versions with stages and aliases, and an
 * append-only history of every change of stage or alias, with rollback.
 *
 * <p>Every action that changes a stage or an alias takes an {@link Expectation} of the state it changes from and
 * runs in one write transaction that checks it first; when another user (or process) changed the model
 * meanwhile, the action throws a {@link RegistryConflictException} naming who changed what, and writes nothing.
 * Two processes promoting at the same time are serialised by the store's write lock, so exactly one of them
 * finds its expectation holding.
 *
 * <pre>{@code
 * ModelRegistry registry = store.registry();
 * ModelVersion v = registry.register(NewModelVersion.of("churn").fromRun(runId), ChangeOptions.defaults());
 * registry.promote("churn", v.version(), Stage.PRODUCTION,
 *         Expectation.versionIn(v.version(), Stage.NONE).and(Expectation.stageHeldBy(Stage.PRODUCTION, 1)),
 *         ChangeOptions.by("alice").archivingExisting().withComment("better AUC"));
 * registry.rollback("churn", Stage.PRODUCTION, Expectation.versionIn(v.version(), Stage.PRODUCTION),
 *         ChangeOptions.by("alice"));
 * }</pre>
 */
public interface ModelRegistry {

    /** Every registered model, by name. */
    List<RegisteredModel> models();

    /** Models whose name contains {@code nameContains} (case-insensitive); all when null or blank. */
    List<RegisteredModel> models(String nameContains);

    Optional<RegisteredModel> model(String name);

    /** The model, or a {@link NotFoundException} naming it. */
    RegisteredModel requireModel(String name);

    /** Versions of a model, oldest first. */
    List<ModelVersion> versions(String model);

    /** One version, or a {@link NotFoundException} naming it. */
    ModelVersion version(String model, int version);

    /** The version {@code alias} points at, if set. */
    Optional<ModelVersion> versionByAlias(String model, String alias);

    /** The whole history of a model, oldest first. */
    List<ModelEvent> history(String model);

    /** The events naming {@code version} (including rollbacks that took a stage or alias from it). */
    List<ModelEvent> history(String model, int version);

    /** Every version's stage and every alias now. */
    ModelState state(String model);

    /** An expectation that nothing changed since now: every version's stage and every alias as they are. */
    Expectation expectCurrent(String model);

    /**
     * What a rollback of {@code stage} would do now, without doing it (for confirmation dialogs).
     *
     * @throws RegistryRefusedException when there is nothing to roll back
     */
    RollbackPreview previewRollback(String model, Stage stage);

    /** What a rollback of {@code alias} would do now, without doing it. */
    RollbackPreview previewAliasRollback(String model, String alias);

    /** Creates an empty model; fails when the name is taken. */
    RegisteredModel createModel(String name, String description);

    void setModelDescription(String model, String description);

    /**
     * Renames a model; its versions, aliases and history follow (history is kept by model, not by name). Fails with a
     * {@link RegistryRefusedException} when {@code newName} is taken.
     */
    void renameModel(String model, String newName);

    /** Sets a model tag; a null value removes it. */
    void setModelTag(String model, String key, String value);

    /** Sets the promotion rule; null removes it. */
    void setPromotionRule(String model, PromotionRule rule);

    void setVersionDescription(String model, int version, String description);

    /** Sets a version tag; a null value removes it. */
    void setVersionTag(String model, int version, String key, String value);

    void setVersionStatus(String model, int version, VersionStatus status);

    /**
     * Registers a new version (number = highest + 1, stage None) of {@code spec.model()}, creating the model when
     * missing. The source defaults to {@code runs:/<runId>/model}.
     */
    ModelVersion register(NewModelVersion spec, ChangeOptions options);

    /**
     * Moves {@code version} to {@code stage} (Staging or Production); with {@link ChangeOptions#archiveExisting()}
     * the versions in that stage are archived. A promotion to Production that breaks the model's
     * {@link PromotionRule} is refused with a {@link PromotionRefusedException} unless forced; the force is
     * recorded.
     *
     * @return the events recorded (the promotion first, then any archivings)
     */
    List<ModelEvent> promote(String model, int version, Stage stage, Expectation expect,
                                    ChangeOptions options);

    /** Moves {@code version} to Archived. */
    List<ModelEvent> archive(String model, int version, Expectation expect, ChangeOptions options);

    /**
     * Moves {@code version} back to stage None (MLflow's transition to None), recorded as an
     * {@link EventAction#UNSTAGE} event. Refused when it is in None already.
     */
    List<ModelEvent> unstage(String model, int version, Expectation expect, ChangeOptions options);

    /**
     * Deletes {@code version}. Its aliases are removed ({@link EventAction#REMOVE_ALIAS} events), then the deletion is
     * recorded ({@link EventAction#DELETE}, with who and when). From then on the version is absent from
     * {@link #versions}, {@link #version} (a {@link NotFoundException}), {@link #state} and every action; its number
     * is never given to another version, and no rollback goes back to it. Its events stay in {@link #history}.
     *
     * @return the events recorded (alias removals first, the deletion last)
     */
    List<ModelEvent> deleteVersion(String model, int version, Expectation expect, ChangeOptions options);

    /**
     * Deletes a model with its versions and aliases, recorded as a {@link EventAction#DELETE_MODEL} event. The model
     * disappears from every read and its name is free: registering or creating it again makes a new model, with
     * versions from 1 and a history of its own. The deleted model's rows and history stay in the store (append-only,
     * for audit) but no read of this API returns them.
     *
     * @return the deletion event
     */
    ModelEvent deleteModel(String model, Expectation expect, ChangeOptions options);

    /** Points {@code alias} at {@code version} (moving it from the version it pointed at, if any). */
    List<ModelEvent> setAlias(String model, String alias, int version, Expectation expect,
                                     ChangeOptions options);

    /** Removes {@code alias}. */
    List<ModelEvent> removeAlias(String model, String alias, Expectation expect, ChangeOptions options);

    /**
     * Rolls {@code stage} back: the version that held it before the current one gets it back and the current
     * one is archived; recorded as one rollback event naming both. Rolling back again walks further back.
     *
     * @throws RegistryRefusedException when no version holds the stage or none held it before
     */
    RollbackResult rollback(String model, Stage stage, Expectation expect, ChangeOptions options);

    /**
     * Rolls {@code alias} back: it points again at the version it pointed at before the current one; recorded as
     * one rollback event naming both. Rolling back again walks further back.
     */
    RollbackResult rollbackAlias(String model, String alias, Expectation expect, ChangeOptions options);

    /**
     * Brings in a version from another registry (an MLflow import): it keeps its number, run, source, status,
     * user and creation time ({@code options} time), and gets {@code stage}, recorded as an
     * {@link EventAction#IMPORT} event by {@code options.user()} at {@code updatedMs}. The model is created when
     * missing. When the version exists only a changed stage is applied (another IMPORT event); an unchanged one
     * changes nothing, so importing twice is a no-op.
     *
     * @return true when something was written
     */
    boolean importVersion(NewModelVersion spec, int version, Stage stage, long updatedMs,
                                 ChangeOptions options);

    /**
     * Points {@code alias} at {@code version} as found in another registry, recorded as an
     * {@link EventAction#IMPORT} event; does nothing when it already points there.
     *
     * @return true when something was written
     */
    boolean importAlias(String model, String alias, int version, ChangeOptions options);
}
