package dev.cairn.viewer.shell;

import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The import sheet: dropped or chosen paths are probed and counted with a dry run (format, runs, experiments),
 * then imported with progress and Cancel, then summarised (added / updated / skipped / failed, warnings). A single
 * {@code .db} file that no importer claims is a Cairn store and is opened instead. UI thread only; the work runs
 * on the {@link TaskRunner}.
 */
public final class ImportSheetViewModel {
    private final TaskRunner runner;
    private final ImportActions actions;
    private final Supplier<TrackingStore> store;
    private final ObjectProperty<ImportPhase> phase = new SimpleObjectProperty<>(this, "phase", ImportPhase.HIDDEN);
    private final ObservableList<ImportResult.Source> sources = FXCollections.observableArrayList();
    private final StringProperty preview = new SimpleStringProperty(this, "preview", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final BooleanProperty canImport = new SimpleBooleanProperty(this, "canImport", false);
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>(this, "result");
    private List<Path> paths = List.of();
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Cancellable running = Cancellable.NONE;
    private Consumer<Path> onOpenStore = p -> { };
    private Consumer<ImportResult> onImported = r -> { };

    public ImportSheetViewModel(TaskRunner runner, ImportActions actions, Supplier<TrackingStore> store) {
        this.runner = Objects.requireNonNull(runner);
        this.actions = actions == null ? ImportActions.NONE : actions;
        this.store = Objects.requireNonNull(store);
    }

    /** Called with a dropped file that is a Cairn store (no importer claims it). */
    public void setOnOpenStore(Consumer<Path> handler) {
        onOpenStore = Objects.requireNonNull(handler);
    }

    /** Called once an import finished (also when cancelled part way), before the summary shows. */
    public void setOnImported(Consumer<ImportResult> handler) {
        onImported = Objects.requireNonNull(handler);
    }

    /** Files, folders or zips were dropped on the window or chosen: probe and count them. */
    public void offer(List<Path> dropped) {
        if (dropped == null || dropped.isEmpty()) {
            return;
        }
        running.cancel();
        paths = List.copyOf(dropped);
        cancelled = new AtomicBoolean();
        sources.setAll(paths.stream().map(p -> new ImportResult.Source(p.toString(), null)).toList());
        preview.set("");
        problem.set("");
        result.set(null);
        canImport.set(false);
        phase.set(ImportPhase.DETECTING);
        TrackingStore target = store.get();
        List<Path> todo = paths;
        AtomicBoolean stop = cancelled;
        running = runner.submit("Reading " + label(todo), progress -> detect(todo, target, stop), this::detected,
                this::failed);
    }

    private Detection detect(List<Path> todo, TrackingStore target, AtomicBoolean stop) {
        List<ImportResult.Source> found = new ArrayList<>();
        for (Path p : todo) {
            List<String> formats = actions.detect(p);
            found.add(new ImportResult.Source(p.toString(), formats.isEmpty() ? null : formats.get(0)));
        }
        if (todo.size() == 1 && found.get(0).format() == null && looksLikeStore(todo.get(0))) {
            return new Detection(found, null, todo.get(0));
        }
        if (target == null) {
            return new Detection(found, null, null);
        }
        return new Detection(found, actions.importPaths(target, todo, true, progressOf(stop)), null);
    }

    private record Detection(List<ImportResult.Source> sources, ImportResult dryRun, Path store) {
    }

    private void detected(Detection d) {
        if (d.store() != null) {
            phase.set(ImportPhase.HIDDEN);
            onOpenStore.accept(d.store());
            return;
        }
        sources.setAll(merge(d.sources(), d.dryRun()));
        TrackingStore target = store.get();
        if (d.dryRun() == null || target == null) {
            problem.set("Open or create a store first; the runs are imported into it.");
        } else if (target.mode() == StoreMode.READ_ONLY) {
            problem.set("The store is open read-only; open it writable to import.");
        } else if (d.dryRun().runCount() == 0) {
            problem.set(d.dryRun().failures().isEmpty() ? "No runs found in " + label(paths) + "."
                    : String.join("\n", d.dryRun().failures()));
        }
        if (d.dryRun() != null) {
            preview.set(describe(d.dryRun()));
            result.set(d.dryRun());
        }
        canImport.set(problem.get().isEmpty());
        phase.set(ImportPhase.READY);
    }

    /** Imports what the sheet shows. */
    public void importNow() {
        TrackingStore target = store.get();
        if (phase.get() != ImportPhase.READY || !canImport.get() || target == null) {
            return;
        }
        phase.set(ImportPhase.IMPORTING);
        List<Path> todo = paths;
        AtomicBoolean stop = cancelled;
        running = runner.submit("Importing " + label(todo), progress -> actions.importPaths(target, todo, false,
                new ImportProgress() {
                    @Override
                    public void progress(double fraction, String message) {
                        if (fraction >= 0) {
                            progress.accept(fraction);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return stop.get();
                    }
                }), done -> {
                    result.set(done);
                    phase.set(ImportPhase.DONE);
                    onImported.accept(done);
                }, this::failed);
    }

    /** Cancel: stops an import at the next run (its summary still shows); otherwise closes the sheet. */
    public void cancel() {
        cancelled.set(true);
        if (phase.get() == ImportPhase.IMPORTING) {
            return;
        }
        running.cancel();
        running = Cancellable.NONE;
        phase.set(ImportPhase.HIDDEN);
    }

    /** Closes the sheet after the summary. */
    public void close() {
        if (phase.get() != ImportPhase.IMPORTING) {
            phase.set(ImportPhase.HIDDEN);
        }
    }

    private void failed(Throwable e) {
        problem.set(UserMessages.of(e));
        canImport.set(false);
        phase.set(phase.get() == ImportPhase.IMPORTING ? ImportPhase.DONE : ImportPhase.READY);
    }

    private static List<ImportResult.Source> merge(List<ImportResult.Source> probed, ImportResult dryRun) {
        List<ImportResult.Source> out = new ArrayList<>(probed.size());
        for (ImportResult.Source s : probed) {
            String format = s.format();
            if (format == null && dryRun != null) {
                format = dryRun.sources().stream().filter(d -> d.path().equals(s.path()) && d.format() != null)
                        .map(ImportResult.Source::format).findFirst().orElse(null);
            }
            // a dropped project folder: the sub-trees the dry run found in it, each with its format and runs
            String prefix = s.path().endsWith(java.io.File.separator) ? s.path() : s.path() + java.io.File.separator;
            List<ImportResult.Source> subTrees = dryRun == null ? List.of()
                    : dryRun.sources().stream().filter(d -> d.path().startsWith(prefix)).toList();
            String detected = format;
            if (!subTrees.isEmpty() && (detected == null
                    || subTrees.stream().anyMatch(d -> d.format() == null || !d.format().startsWith(detected)))) {
                format = "project folder, " + subTrees.size() + " source" + (subTrees.size() == 1 ? "" : "s");
            }
            out.add(new ImportResult.Source(s.path(), format));
            out.addAll(subTrees);
        }
        return out;
    }

    /** "21 runs in 1 experiment: 21 new" (plus updates, unchanged, failures and warnings when there are any). */
    static String describe(ImportResult r) {
        int runs = r.runCount();
        StringBuilder text = new StringBuilder();
        text.append(runs).append(runs == 1 ? " run" : " runs").append(" in ").append(r.experiments())
                .append(r.experiments() == 1 ? " experiment" : " experiments");
        List<String> parts = new ArrayList<>();
        parts.add(r.added().size() + " new");
        if (!r.updated().isEmpty()) {
            parts.add(r.updated().size() + " with new data");
        }
        if (!r.skipped().isEmpty()) {
            parts.add(r.skipped().size() + " already imported");
        }
        if (!r.failures().isEmpty()) {
            parts.add(r.failures().size() + " unreadable");
        }
        if (!r.warnings().isEmpty()) {
            parts.add(r.warnings().size() + (r.warnings().size() == 1 ? " warning" : " warnings"));
        }
        return text.append(": ").append(String.join(", ", parts)).toString();
    }

    private static ImportProgress progressOf(AtomicBoolean stop) {
        return new ImportProgress() {
            @Override
            public void progress(double fraction, String message) {
                // the dry run is shown as indeterminate
            }

            @Override
            public boolean isCancelled() {
                return stop.get();
            }
        };
    }

    private static boolean looksLikeStore(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !Files.isDirectory(p) && (name.endsWith(".db") || name.endsWith(".sqlite") || name.endsWith(".cairn"));
    }

    private static String label(List<Path> list) {
        Path first = list.get(0).getFileName();
        String name = first == null ? list.get(0).toString() : first.toString();
        return list.size() == 1 ? name : name + " and " + (list.size() - 1) + " more";
    }

    public ReadOnlyObjectProperty<ImportPhase> phaseProperty() {
        return phase;
    }

    /** Each path with its detected format (null: not recognised). */
    public ObservableList<ImportResult.Source> sources() {
        return sources;
    }

    /** What the dry run counted. */
    public ReadOnlyStringProperty previewProperty() {
        return preview;
    }

    /** Why nothing can be imported, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport;
    }

    /** The dry run while READY, the import's outcome when DONE. */
    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    /** Whether an importer is installed at all. */
    public boolean available() {
        return actions.available();
    }
}
