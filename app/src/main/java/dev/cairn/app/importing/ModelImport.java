package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportSink.Outcome;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedModelVersion;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.registry.VersionStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes one imported registered model into the store's registry: versions keep their numbers, run links (when the
 * run is in the store), sources, statuses, users and times; stages and aliases go through the registry so its
 * history records them as imported. Nothing already there is changed again, so a re-import writes nothing.
 */
final class ModelImport {
    private final TrackingStore store;
    private final ImportReport report;

    ModelImport(TrackingStore store, ImportReport report) {
        this.store = store;
        this.report = report;
    }

    /** What writing {@code model} would do, without writing (dry run). */
    Outcome plan(ImportedModel model) {
        Optional<RegisteredModel> existing = store.registry().model(model.name());
        if (existing.isEmpty()) {
            return Outcome.ADDED;
        }
        Map<Integer, ModelVersion> have = new TreeMap<>();
        store.registry().versions(model.name()).forEach(v -> have.put(v.version(), v));
        for (ImportedModelVersion v : model.versions()) {
            ModelVersion stored = have.get(v.version());
            if (stored == null || stored.stage() != stage(model, v)) {
                return Outcome.UPDATED;
            }
        }
        return Outcome.UNCHANGED;
    }

    Outcome write(ImportedModel model) {
        ModelRegistry registry = store.registry();
        boolean existed = registry.model(model.name()).isPresent();
        boolean changed = false;
        for (ImportedModelVersion v : model.versions()) {
            changed |= version(registry, model, v);
        }
        if (!existed && model.versions().isEmpty()) {
            registry.createModel(model.name(), model.description());
            changed = true;
        }
        if (registry.model(model.name()).isEmpty()) {
            return Outcome.UNCHANGED;
        }
        RegisteredModel stored = registry.requireModel(model.name());
        if (model.description() != null && !model.description().equals(stored.description())) {
            registry.setModelDescription(model.name(), model.description());
            changed = true;
        }
        for (Map.Entry<String, String> t : model.tags().entrySet()) {
            if (!t.getValue().equals(stored.tags().get(t.getKey()))) {
                registry.setModelTag(model.name(), t.getKey(), t.getValue());
                changed = true;
            }
        }
        for (Map.Entry<String, Integer> a : aliases(model).entrySet()) {
            try {
                changed |= registry.importAlias(model.name(), a.getKey(), a.getValue(),
                        new ChangeOptions(null, null, timeOf(model, a.getValue()), false, false));
            } catch (IllegalArgumentException | dev.cairn.store.model.NotFoundException e) {
                report.warn(where(model) + "alias '" + a.getKey() + "' not imported: " + e.getMessage());
            }
        }
        return !existed ? Outcome.ADDED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private boolean version(ModelRegistry registry, ImportedModel model, ImportedModelVersion v) {
        Optional<ModelVersion> existing = registry.model(model.name()).isEmpty() ? Optional.empty()
                : registry.versions(model.name()).stream().filter(x -> x.version() == v.version()).findFirst();
        if (existing.isPresent() && existing.get().runId() != null && v.runId() != null
                && !existing.get().runId().equals(v.runId())) {
            report.warn(where(model) + "version " + v.version() + " is already in the registry from run "
                    + existing.get().runId() + "; this one (from run " + v.runId() + ") was not imported");
            return false;
        }
        String runId = v.runId();
        if (runId != null && store.runs().get(runId).isEmpty()) {
            report.warn(where(model) + "version " + v.version() + ": source run " + runId
                    + " is not in the store; registered without the run link");
            runId = null;
        }
        VersionStatus status;
        try {
            status = v.status() == null ? VersionStatus.READY : VersionStatus.parse(v.status());
        } catch (IllegalArgumentException e) {
            report.warn(where(model) + "version " + v.version() + ": " + e.getMessage() + "; imported as READY");
            status = VersionStatus.READY;
        }
        NewModelVersion spec = NewModelVersion.of(model.name()).fromRun(runId).withStatus(status)
                .withDescription(v.description()).withTags(v.tags())
                .withSource(v.source() != null ? v.source() : runId == null ? null : "runs:/" + runId + "/model");
        long created = v.createdMs() != null ? v.createdMs()
                : model.createdMs() != null ? model.createdMs() : System.currentTimeMillis();
        long updated = v.updatedMs() != null ? v.updatedMs() : created;
        return registry.importVersion(spec, v.version(), stage(model, v), updated,
                new ChangeOptions(v.user(), null, created, false, false));
    }

    private Stage stage(ImportedModel model, ImportedModelVersion v) {
        if (v.stage() == null || v.stage().isBlank()) {
            return Stage.NONE;
        }
        try {
            return Stage.parse(v.stage());
        } catch (IllegalArgumentException e) {
            report.warn(where(model) + "version " + v.version() + ": " + e.getMessage() + "; imported as None");
            return Stage.NONE;
        }
    }

    /** The model's aliases merged with those its versions list. */
    private static Map<String, Integer> aliases(ImportedModel model) {
        Map<String, Integer> out = new LinkedHashMap<>(model.aliases());
        for (ImportedModelVersion v : model.versions()) {
            v.aliases().forEach(a -> out.putIfAbsent(a, v.version()));
        }
        return out;
    }

    private static Long timeOf(ImportedModel model, int version) {
        return model.versions().stream().filter(v -> v.version() == version).findFirst()
                .map(v -> v.updatedMs() != null ? v.updatedMs() : v.createdMs()).filter(Objects::nonNull)
                .orElse(null);
    }

    private static String where(ImportedModel model) {
        return (model.sourceRef() != null ? model.sourceRef() + ": " : "") + "model '" + model.name() + "' ";
    }
}
