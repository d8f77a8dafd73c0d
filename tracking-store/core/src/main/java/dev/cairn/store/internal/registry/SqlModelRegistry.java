package dev.cairn.store.internal.registry;

import dev.cairn.store.internal.core.StoreContext;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.Tx;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.ConflictReport;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelState;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.PromotionRefusedException;
import dev.cairn.store.registry.PromotionRule;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.RegistryNames;
import dev.cairn.store.registry.RegistryRefusedException;
import dev.cairn.store.registry.RollbackPreview;
import dev.cairn.store.registry.RollbackResult;
import dev.cairn.store.registry.SlotHistory;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.registry.VersionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL implementation of {@link ModelRegistry}. */
public final class SqlModelRegistry implements ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SqlModelRegistry.class);

    private final StoreContext store;

    /** The registry of the store behind {@code store}. */
    public SqlModelRegistry(StoreContext store) {
        this.store = store;
    }

    // ---- reads

    /** Every registered model, by name. */
    public List<RegisteredModel> models() {
        return models(null);
    }

    /** Models whose name contains {@code nameContains} (case-insensitive); all when null or blank. */
    public List<RegisteredModel> models(String nameContains) {
        return db().read(c -> ModelTables.models(c, db().dialect(), nameContains));
    }

    public Optional<RegisteredModel> model(String name) {
        return Optional.ofNullable(db().read(c -> ModelTables.modelOrNull(c, name)));
    }

    /** The model, or a {@link NotFoundException} naming it. */
    public RegisteredModel requireModel(String name) {
        return db().read(c -> ModelTables.requireModel(c, name));
    }

    /** Versions of a model, oldest first. */
    public List<ModelVersion> versions(String model) {
        return db().read(c -> ModelTables.versions(c, ModelTables.requireModel(c, model).id(), null));
    }

    /** One version, or a {@link NotFoundException} naming it. */
    public ModelVersion version(String model, int version) {
        return db().read(c -> requireVersion(c, ModelTables.requireModel(c, model), version));
    }

    /** The version {@code alias} points at, if set. */
    public Optional<ModelVersion> versionByAlias(String model, String alias) {
        return db().read(c -> {
            RegisteredModel m = ModelTables.requireModel(c, model);
            Integer v = ModelTables.aliases(c, m.id()).get(alias);
            return v == null ? Optional.empty() : Optional.of(requireVersion(c, m, v));
        });
    }

    /** The whole history of a model, oldest first. */
    public List<ModelEvent> history(String model) {
        return db().read(c -> EventLog.read(c, ModelTables.requireModel(c, model).id(), null));
    }

    /** The events naming {@code version} (including rollbacks that took a stage or alias from it). */
    public List<ModelEvent> history(String model, int version) {
        return db().read(c -> EventLog.read(c, ModelTables.requireModel(c, model).id(), version));
    }

    /** Every version's stage and every alias now. */
    public ModelState state(String model) {
        return db().read(c -> ModelTables.state(c, ModelTables.requireModel(c, model)));
    }

    /** An expectation that nothing changed since now: every version's stage and every alias as they are. */
    public Expectation expectCurrent(String model) {
        return Expectation.of(state(model));
    }

    /**
     * What a rollback of {@code stage} would do now, without doing it (for confirmation dialogs).
     *
     * @throws RegistryRefusedException when there is nothing to roll back
     */
    public RollbackPreview previewRollback(String model, Stage stage) {
        return db().read(c -> {
            ModelState state = ModelTables.state(c, ModelTables.requireModel(c, model));
            SlotHistory.Plan p = SlotHistory.ofStage(EventLog.read(c, state.modelId(), null), stage)
                    .planRollback(v -> state.stageOf(v) == stage, stage.label());
            return new RollbackPreview(p.current(), p.previous(), state.stageOf(p.previous()));
        });
    }

    /** What a rollback of {@code alias} would do now, without doing it. */
    public RollbackPreview previewAliasRollback(String model, String alias) {
        return db().read(c -> {
            ModelState state = ModelTables.state(c, ModelTables.requireModel(c, model));
            SlotHistory.Plan p = SlotHistory.ofAlias(EventLog.read(c, state.modelId(), null), alias)
                    .planRollback(v -> Integer.valueOf(v).equals(state.aliasTarget(alias)), "alias '" + alias + "'");
            return new RollbackPreview(p.current(), p.previous(), state.stageOf(p.previous()));
        });
    }

    // ---- changes outside the history

    /** Creates an empty model; fails when the name is taken. */
    public RegisteredModel createModel(String name, String description) {
        RegistryNames.requireValidModelName(name);
        return db().write(tx -> {
            Connection c = tx.connection();
            if (ModelTables.modelOrNull(c, name) != null) {
                throw new RegistryRefusedException("A model named '" + name + "' already exists.");
            }
            ModelTables.insertModel(c, name, description, System.currentTimeMillis());
            return ModelTables.requireModel(c, name);
        });
    }

    public void setModelDescription(String model, String description) {
        onModel(model, (c, m, now) -> ModelTables.setModelDescription(c, m.id(), description));
    }

    public void renameModel(String model, String newName) {
        RegistryNames.requireValidModelName(newName);
        onModel(model, (c, m, now) -> {
            RegisteredModel taken = ModelTables.modelOrNull(c, newName);
            if (taken != null && taken.id() != m.id()) {
                throw new RegistryRefusedException("A model named '" + newName + "' already exists.");
            }
            ModelTables.renameModel(c, m.id(), newName);
        });
    }

    /** Sets a model tag; a null value removes it. */
    public void setModelTag(String model, String key, String value) {
        onModel(model, (c, m, now) -> ModelTables.setModelTag(c, m.id(), key, value));
    }

    /** Sets the promotion rule; null removes it. */
    public void setPromotionRule(String model, PromotionRule rule) {
        onModel(model, (c, m, now) -> ModelTables.setRule(c, m.id(), rule));
    }

    public void setVersionDescription(String model, int version, String description) {
        onModel(model, (c, m, now) -> {
            requireVersion(c, m, version);
            ModelTables.setVersionDescription(c, m.id(), version, description);
        });
    }

    /** Sets a version tag; a null value removes it. */
    public void setVersionTag(String model, int version, String key, String value) {
        onModel(model, (c, m, now) -> {
            requireVersion(c, m, version);
            ModelTables.setVersionTag(c, m.id(), version, key, value);
        });
    }

    public void setVersionStatus(String model, int version, VersionStatus status) {
        onModel(model, (c, m, now) -> {
            requireVersion(c, m, version);
            ModelTables.setVersionStatus(c, m.id(), version, status);
        });
    }

    // ---- actions recorded in the history

    /**
     * Registers a new version (number = highest + 1, stage None) of {@code spec.model()}, creating the model when
     * missing. The source defaults to {@code runs:/<runId>/model}.
     */
    public ModelVersion register(NewModelVersion spec, ChangeOptions options) {
        RegistryNames.requireValidModelName(spec.model());
        return db().write(tx -> {
            Connection c = tx.connection();
            long now = options.timeOrNow();
            RegisteredModel m = ModelTables.modelOrNull(c, spec.model());
            long modelId = m != null ? m.id() : ModelTables.insertModel(c, spec.model(), null, now);
            Long runSeq = spec.runId() == null ? null : store.runs().requireSeq(c, spec.runId());
            String source = spec.source() != null ? spec.source()
                    : spec.runId() != null ? "runs:/" + spec.runId() + "/model" : null;
            int version = ModelTables.nextVersion(c, modelId);
            ModelTables.insertVersion(c, modelId, version, runSeq, source, spec, options.user(), now);
            EventLog.append(c, modelId, spec.model(),
                    EventLog.Entry.stageChange(EventAction.REGISTER, version, null, Stage.NONE, source, false),
                    options, now);
            ModelTables.touchModel(c, modelId, now);
            LOG.debug("registered {} version {}", spec.model(), version);
            return ModelTables.versions(c, modelId, version).get(0);
        });
    }

    /**
     * Moves {@code version} to {@code stage} (Staging or Production); with {@link ChangeOptions#archiveExisting()}
     * the versions in that stage are archived. A promotion to Production that breaks the model's
     * {@link PromotionRule} is refused with a {@link PromotionRefusedException} unless forced; the force is
     * recorded.
     *
     * @return the events recorded (the promotion first, then any archivings)
     */
    public List<ModelEvent> promote(String model, int version, Stage stage, Expectation expect,
                                    ChangeOptions options) {
        if (!stage.isPromotable()) {
            throw new IllegalArgumentException("A version can be promoted to Staging or Production, not "
                    + stage.label() + (stage == Stage.ARCHIVED ? " (archive it instead)." : "."));
        }
        return act(model, "promote " + model + " version " + version + " to " + stage.label(), expect, options,
                (c, state, now) -> {
                    Stage from = requireStage(state, version);
                    if (from == stage) {
                        throw new RegistryRefusedException(model + " version " + version + " is already "
                                + stage.label() + ".");
                    }
                    List<Integer> others = new ArrayList<>(state.holders(stage));
                    String detail = null;
                    boolean forced = false;
                    if (stage == Stage.PRODUCTION) {
                        List<ModelVersion> current = new ArrayList<>();
                        for (int v : others) {
                            current.add(ModelTables.versions(c, state.modelId(), v).get(0));
                        }
                        ModelVersion candidate = ModelTables.versions(c, state.modelId(), version).get(0);
                        Optional<String> violation = PromotionCheck.violation(state.rule(), candidate, current,
                                store.runs());
                        if (violation.isPresent() && !options.force()) {
                            throw new PromotionRefusedException("Promotion refused: " + violation.get()
                                    + ". Force it to promote anyway (the force is recorded).");
                        }
                        if (violation.isPresent()) {
                            forced = true;
                            detail = "forced past the promotion rule: " + violation.get();
                        }
                    }
                    List<ModelEvent> events = new ArrayList<>();
                    ModelTables.setStage(c, state.modelId(), version, stage, now);
                    events.add(EventLog.append(c, state.modelId(), model,
                            EventLog.Entry.stageChange(EventAction.PROMOTE, version, from, stage, detail, forced),
                            options, now));
                    if (options.archiveExisting()) {
                        for (int other : others) {
                            ModelTables.setStage(c, state.modelId(), other, Stage.ARCHIVED, now);
                            events.add(EventLog.append(c, state.modelId(), model,
                                    EventLog.Entry.stageChange(EventAction.ARCHIVE, other, stage, Stage.ARCHIVED,
                                            "replaced by version " + version, false), options, now));
                        }
                    }
                    return events;
                });
    }

    /** Moves {@code version} to Archived. */
    public List<ModelEvent> archive(String model, int version, Expectation expect, ChangeOptions options) {
        return act(model, "archive " + model + " version " + version, expect, options, (c, state, now) -> {
            Stage from = requireStage(state, version);
            if (from == Stage.ARCHIVED) {
                throw new RegistryRefusedException(model + " version " + version + " is already Archived.");
            }
            ModelTables.setStage(c, state.modelId(), version, Stage.ARCHIVED, now);
            return List.of(EventLog.append(c, state.modelId(), model,
                    EventLog.Entry.stageChange(EventAction.ARCHIVE, version, from, Stage.ARCHIVED, null, false),
                    options, now));
        });
    }

    /**
     * Moves {@code version} back to stage None (MLflow's transition to None), recorded as an
     * {@link EventAction#UNSTAGE} event. Refused when it is in None already.
     */
    public List<ModelEvent> unstage(String model, int version, Expectation expect, ChangeOptions options) {
        return act(model, "move " + model + " version " + version + " back to None", expect, options,
                (c, state, now) -> {
                    Stage from = requireStage(state, version);
                    if (from == Stage.NONE) {
                        throw new RegistryRefusedException(model + " version " + version + " is already None.");
                    }
                    ModelTables.setStage(c, state.modelId(), version, Stage.NONE, now);
                    return List.of(EventLog.append(c, state.modelId(), model,
                            EventLog.Entry.stageChange(EventAction.UNSTAGE, version, from, Stage.NONE, null, false),
                            options, now));
                });
    }

    /**
     * Deletes {@code version}: its aliases are removed (REMOVE_ALIAS events), then it is marked deleted and the
     * deletion recorded (DELETE). It disappears from every read; its number is never given again; rollbacks skip it.
     *
     * @return the events recorded (alias removals first, the deletion last)
     */
    public List<ModelEvent> deleteVersion(String model, int version, Expectation expect, ChangeOptions options) {
        return act(model, "delete " + model + " version " + version, expect, options, (c, state, now) -> {
            Stage stage = requireStage(state, version);
            List<ModelEvent> events = new ArrayList<>();
            for (var alias : state.aliases().entrySet()) {
                if (alias.getValue() == version) {
                    ModelTables.setAlias(c, state.modelId(), alias.getKey(), null);
                    events.add(EventLog.append(c, state.modelId(), model, new EventLog.Entry(version,
                            EventAction.REMOVE_ALIAS, alias.getKey(), null, String.valueOf(version), null, null,
                            false, "version " + version + " deleted"), options, now));
                }
            }
            ModelTables.deleteVersion(c, state.modelId(), version, now);
            events.add(EventLog.append(c, state.modelId(), model, new EventLog.Entry(version, EventAction.DELETE,
                    null, null, stage.label(), null, null, false, "was " + stage.label()), options, now));
            return events;
        });
    }

    /**
     * Deletes a model with its versions and aliases (DELETE_MODEL): it disappears from every read and its name is
     * free; its rows and history stay in the store, reachable by no read.
     */
    public ModelEvent deleteModel(String model, Expectation expect, ChangeOptions options) {
        return act(model, "delete model " + model, expect, options, (c, state, now) -> {
            ModelEvent e = EventLog.append(c, state.modelId(), model, new EventLog.Entry(null,
                    EventAction.DELETE_MODEL, null, null, null, null, null, false,
                    state.stages().size() + " version(s)"), options, now);
            ModelTables.deleteModel(c, state.modelId(), model, now);
            return List.of(e);
        }).get(0);
    }

    /** Points {@code alias} at {@code version} (moving it from the version it pointed at, if any). */
    public List<ModelEvent> setAlias(String model, String alias, int version, Expectation expect,
                                     ChangeOptions options) {
        RegistryNames.requireValidAlias(alias);
        return act(model, "point alias '" + alias + "' of " + model + " at version " + version, expect, options,
                (c, state, now) -> {
                    requireStage(state, version);
                    Integer from = state.aliasTarget(alias);
                    if (from != null && from == version) {
                        throw new RegistryRefusedException("Alias '" + alias + "' of " + model
                                + " already points at version " + version + ".");
                    }
                    ModelTables.setAlias(c, state.modelId(), alias, version);
                    return List.of(EventLog.append(c, state.modelId(), model,
                            EventLog.Entry.alias(EventAction.SET_ALIAS, version, alias, from, version), options, now));
                });
    }

    /** Removes {@code alias}. */
    public List<ModelEvent> removeAlias(String model, String alias, Expectation expect, ChangeOptions options) {
        return act(model, "remove alias '" + alias + "' of " + model, expect, options, (c, state, now) -> {
            Integer from = state.aliasTarget(alias);
            if (from == null) {
                throw new RegistryRefusedException(model + " has no alias '" + alias + "'.");
            }
            ModelTables.setAlias(c, state.modelId(), alias, null);
            return List.of(EventLog.append(c, state.modelId(), model,
                    EventLog.Entry.alias(EventAction.REMOVE_ALIAS, from, alias, from, null), options, now));
        });
    }

    /**
     * Rolls {@code stage} back: the version that held it before the current one gets it back and the current
     * one is archived; recorded as one rollback event naming both. Rolling back again walks further back.
     *
     * @throws RegistryRefusedException when no version holds the stage or none held it before
     */
    public RollbackResult rollback(String model, Stage stage, Expectation expect, ChangeOptions options) {
        if (!stage.isPromotable()) {
            throw new IllegalArgumentException("Only Staging and Production can be rolled back, not "
                    + stage.label() + ".");
        }
        List<ModelEvent> events = act(model, "roll back " + stage.label() + " of " + model, expect, options,
                (c, state, now) -> {
                    SlotHistory.Plan p = SlotHistory.ofStage(EventLog.read(c, state.modelId(), null), stage)
                            .planRollback(v -> state.stageOf(v) == stage, stage.label());
                    Stage restoredFrom = state.stageOf(p.previous());
                    ModelTables.setStage(c, state.modelId(), p.current(), Stage.ARCHIVED, now);
                    ModelTables.setStage(c, state.modelId(), p.previous(), stage, now);
                    return List.of(EventLog.append(c, state.modelId(), model, new EventLog.Entry(p.previous(),
                            EventAction.ROLLBACK, null, stage, restoredFrom.label(), stage.label(), p.current(),
                            false, "version " + p.current() + " archived"), options, now));
                });
        ModelEvent e = events.get(0);
        return new RollbackResult(e.version(), e.replacedVersion(), e);
    }

    /**
     * Rolls {@code alias} back: it points again at the version it pointed at before the current one; recorded as
     * one rollback event naming both. Rolling back again walks further back.
     */
    public RollbackResult rollbackAlias(String model, String alias, Expectation expect, ChangeOptions options) {
        List<ModelEvent> events = act(model, "roll back alias '" + alias + "' of " + model, expect, options,
                (c, state, now) -> {
                    SlotHistory.Plan p = SlotHistory.ofAlias(EventLog.read(c, state.modelId(), null), alias)
                            .planRollback(v -> Integer.valueOf(v).equals(state.aliasTarget(alias)),
                                    "alias '" + alias + "'");
                    ModelTables.setAlias(c, state.modelId(), alias, p.previous());
                    return List.of(EventLog.append(c, state.modelId(), model, new EventLog.Entry(p.previous(),
                            EventAction.ROLLBACK, alias, null, String.valueOf(p.current()),
                            String.valueOf(p.previous()), p.current(), false, null), options, now));
                });
        ModelEvent e = events.get(0);
        return new RollbackResult(e.version(), e.replacedVersion(), e);
    }

    // ---- imports from other registries

    /**
     * Brings in a version from another registry (an MLflow import): it keeps its number, run, source, status,
     * user and creation time ({@code options} time), and gets {@code stage}, recorded as an
     * {@link EventAction#IMPORT} event by {@code options.user()} at {@code updatedMs}. The model is created when
     * missing. When the version exists only a changed stage is applied (another IMPORT event); an unchanged one
     * changes nothing, so importing twice is a no-op.
     *
     * @return true when something was written
     */
    public boolean importVersion(NewModelVersion spec, int version, Stage stage, long updatedMs,
                                 ChangeOptions options) {
        RegistryNames.requireValidModelName(spec.model());
        if (version < 1) {
            throw new IllegalArgumentException("version numbers start at 1, not " + version);
        }
        return db().write(tx -> {
            Connection c = tx.connection();
            long created = options.timeOrNow();
            RegisteredModel m = ModelTables.modelOrNull(c, spec.model());
            long modelId = m != null ? m.id() : ModelTables.insertModel(c, spec.model(), null, created);
            List<ModelVersion> existing = ModelTables.versions(c, modelId, version);
            ChangeOptions at = options.at(updatedMs);
            if (existing.isEmpty() && ModelTables.versionNumberUsed(c, modelId, version)) {
                LOG.debug("not importing {} version {}: it was deleted here", spec.model(), version);
                return false;
            } else if (existing.isEmpty()) {
                Long runSeq = spec.runId() == null ? null : store.runs().requireSeq(c, spec.runId());
                ModelTables.insertVersion(c, modelId, version, runSeq, spec.source(), spec, options.user(), created);
                ModelTables.setStage(c, modelId, version, stage, updatedMs);
                ModelTables.setVersionTimes(c, modelId, version, created, Math.max(created, updatedMs));
                EventLog.append(c, modelId, spec.model(), EventLog.Entry.stageChange(EventAction.IMPORT, version,
                        null, stage, spec.source(), false), at, updatedMs);
            } else if (existing.get(0).stage() != stage) {
                Stage from = existing.get(0).stage();
                ModelTables.setStage(c, modelId, version, stage, updatedMs);
                EventLog.append(c, modelId, spec.model(), EventLog.Entry.stageChange(EventAction.IMPORT, version,
                        from, stage, null, false), at, updatedMs);
            } else {
                return false;
            }
            ModelTables.touchModel(c, modelId, Math.max(created, updatedMs));
            return true;
        });
    }

    /**
     * Points {@code alias} at {@code version} as found in another registry, recorded as an
     * {@link EventAction#IMPORT} event; does nothing when it already points there.
     *
     * @return true when something was written
     */
    public boolean importAlias(String model, String alias, int version, ChangeOptions options) {
        RegistryNames.requireValidAlias(alias);
        return db().write(tx -> {
            Connection c = tx.connection();
            ModelState state = ModelTables.state(c, ModelTables.requireModel(c, model));
            requireStage(state, version);
            Integer from = state.aliasTarget(alias);
            if (from != null && from == version) {
                return false;
            }
            long now = options.timeOrNow();
            ModelTables.setAlias(c, state.modelId(), alias, version);
            EventLog.append(c, state.modelId(), model,
                    EventLog.Entry.alias(EventAction.IMPORT, version, alias, from, version), options, now);
            ModelTables.touchModel(c, state.modelId(), now);
            return true;
        });
    }

    // ---- plumbing

    private interface Action {
        List<ModelEvent> run(Connection c, ModelState state, long now) throws SQLException;
    }

    private interface ModelChange {
        void run(Connection c, RegisteredModel model, long now) throws SQLException;
    }

    /** Runs one recorded action: one write transaction that checks the expectation first. */
    private List<ModelEvent> act(String model, String what, Expectation expect, ChangeOptions options,
                                 Action action) {
        return db().write((Tx tx) -> {
            Connection c = tx.connection();
            long now = options.timeOrNow();
            ModelState state = ModelTables.state(c, ModelTables.requireModel(c, model));
            Optional<Expectation.Claim> mismatch = expect.firstMismatch(state);
            if (mismatch.isPresent()) {
                throw ConflictReport.conflict(what, mismatch.get(), state, EventLog.read(c, state.modelId(), null));
            }
            List<ModelEvent> events = action.run(c, state, now);
            ModelTables.touchModel(c, state.modelId(), now);
            LOG.debug("{} by {}", what, options.user());
            return events;
        });
    }

    private void onModel(String model, ModelChange change) {
        db().writeVoid(tx -> {
            long now = System.currentTimeMillis();
            RegisteredModel m = ModelTables.requireModel(tx.connection(), model);
            change.run(tx.connection(), m, now);
            ModelTables.touchModel(tx.connection(), m.id(), now);
        });
    }

    private static Stage requireStage(ModelState state, int version) {
        Stage s = state.stageOf(version);
        if (s == null) {
            throw new NotFoundException(state.model() + " has no version " + version + ".");
        }
        return s;
    }

    private static ModelVersion requireVersion(Connection c, RegisteredModel m, int version) throws SQLException {
        List<ModelVersion> found = ModelTables.versions(c, m.id(), version);
        if (found.isEmpty()) {
            throw new NotFoundException(m.name() + " has no version " + version + ".");
        }
        return found.get(0);
    }

    private Database db() {
        return store.db();
    }
}
