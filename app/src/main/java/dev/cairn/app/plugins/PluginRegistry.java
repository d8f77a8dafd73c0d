package dev.cairn.app.plugins;

import dev.cairn.plugin.importer.RunImporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins Cairn found: usable importers (each guarded so it cannot take the app down) and the status of every
 * plugin, including those that failed to load or failed later. Build with {@link PluginLoader}.
 */
public final class PluginRegistry {
    private final List<RunImporter> importers = new ArrayList<>();
    private final List<dev.cairn.plugin.drift.DriftTest> driftTests = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, PluginStatus> statuses = new ConcurrentHashMap<>();

    PluginRegistry() {
    }

    /** Registers a loaded importer under a unique key and returns the guarded importer to use. */
    void addImporter(String key, RunImporter importer, PluginStatus status) {
        GuardedImporter guarded = new GuardedImporter(importer, status.id(), status.name(), status.version(),
                why -> statuses.computeIfPresent(key, (k, s) -> s.failed(why)));
        importers.add(guarded);
        record(key, status);
    }

    /** Registers a loaded drift test under a unique key. */
    void addDriftTest(String key, dev.cairn.plugin.drift.DriftTest test, PluginStatus status) {
        driftTests.add(test);
        record(key, status);
    }

    /** Drift tests that loaded, built-ins first (an id seen twice keeps the first). */
    public List<dev.cairn.plugin.drift.DriftTest> driftTests() {
        return List.copyOf(driftTests);
    }

    /** True when a drift test with this id is registered. */
    boolean hasDriftTestId(String id) {
        return driftTests.stream().anyMatch(t -> t.id().equalsIgnoreCase(id));
    }

    /** Records a plugin that could not be loaded. */
    void record(String key, PluginStatus status) {
        if (statuses.put(key, status) == null) {
            order.add(key);
        }
    }

    /** Importers that loaded and have not failed since, built-ins first. */
    public List<RunImporter> importers() {
        List<RunImporter> out = new ArrayList<>();
        for (RunImporter i : importers) {
            if (statusOf(i.id()).map(s -> s.state() == PluginStatus.State.LOADED).orElse(true)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Every plugin with its status, in load order. */
    public List<PluginStatus> statuses() {
        return order.stream().map(statuses::get).toList();
    }

    /** True when an importer with this id is registered (loaded or failed later). */
    boolean hasImporterId(String id) {
        return importers.stream().anyMatch(i -> i.id().equalsIgnoreCase(id));
    }

    private java.util.Optional<PluginStatus> statusOf(String id) {
        return statuses.values().stream().filter(s -> id.equals(s.id())).findFirst();
    }
}
