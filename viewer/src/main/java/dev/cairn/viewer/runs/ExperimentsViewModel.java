package dev.cairn.viewer.runs;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Experiment;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experiments list: "All experiments" first, then each experiment with its run count; a search box narrows
 * it; deleted experiments show only when asked. Plain Java; touched only on the UI thread.
 */
public final class ExperimentsViewModel {
    private final LatestOnly loads;
    private final ObservableList<ExperimentItem> items = FXCollections.observableArrayList();
    private final FilteredList<ExperimentItem> visible = new FilteredList<>(items, e -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty showDeleted = new SimpleBooleanProperty(this, "showDeleted", false);
    private final ObjectProperty<ExperimentItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private TrackingStore store;

    public ExperimentsViewModel(TaskRunner runner) {
        this.loads = new LatestOnly(runner);
        search.addListener((o, a, b) -> refilter());
        showDeleted.addListener((o, a, b) -> reload());
    }

    public void attach(TrackingStore newStore) {
        this.store = newStore;
        selected.set(null);
        reload();
    }

    public void detach() {
        loads.cancel();
        store = null;
        items.clear();
        selected.set(null);
    }

    /** Reads the experiments and their counts again, keeping the selection. */
    public void reload() {
        if (store == null) {
            return;
        }
        TrackingStore s = store;
        boolean deleted = showDeleted.get();
        loads.submit(null, progress -> s.experiments().list(deleted), this::show,
                e -> error.set(UserMessages.of(e)));
    }

    private void show(List<Experiment> experiments) {
        List<ExperimentItem> list = new ArrayList<>(experiments.size() + 1);
        long total = 0;
        for (Experiment e : experiments) {
            list.add(ExperimentItem.of(e));
            total += e.runCount();
        }
        list.add(0, ExperimentItem.all(total));
        ExperimentItem before = selected.get();
        items.setAll(list);
        refilter();
        ExperimentItem match = null;
        for (ExperimentItem item : list) {
            if (before != null && item.id() == before.id()) {
                match = item;
            }
        }
        selected.set(match != null ? match : list.get(0));
        error.set(null);
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(e -> e.isAll() || needle.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Every experiment entry, unfiltered. */
    public ObservableList<ExperimentItem> items() {
        return items;
    }

    /** The entries the list shows (search applied). */
    public ObservableList<ExperimentItem> visibleItems() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showDeletedProperty() {
        return showDeleted;
    }

    /** The chosen experiment ("All experiments" by default). */
    public ObjectProperty<ExperimentItem> selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
