package dev.cairn.viewer.runs;

import dev.cairn.store.model.MetricAggregate;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The column chooser: every param, tag and metric aggregate the scope has, a search box, and the chosen set.
 * {@link #chosenInOrder()} keeps the order of the current columns and appends new picks.
 */
public final class ColumnChooserViewModel {
    private final ObservableList<ColumnSpec> candidates = FXCollections.observableArrayList();
    private final FilteredList<ColumnSpec> visible = new FilteredList<>(candidates, c -> true);
    private final ObservableSet<ColumnSpec> chosen = FXCollections.observableSet(new LinkedHashSet<>());
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final List<ColumnSpec> initial;

    public ColumnChooserViewModel(List<String> paramKeys, List<String> metricKeys, List<String> tagKeys,
                                  List<ColumnSpec> current) {
        List<ColumnSpec> all = new ArrayList<>();
        paramKeys.forEach(k -> all.add(ColumnSpec.param(k)));
        for (String k : metricKeys) {
            for (MetricAggregate a : MetricAggregate.values()) {
                all.add(ColumnSpec.metric(k, a));
            }
        }
        tagKeys.forEach(k -> all.add(ColumnSpec.tag(k)));
        for (ColumnSpec c : current) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        candidates.setAll(all);
        chosen.addAll(current);
        this.initial = List.copyOf(current);
        search.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(c -> needle.isEmpty() || c.description().toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    public ObservableList<ColumnSpec> visibleCandidates() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public boolean isChosen(ColumnSpec column) {
        return chosen.contains(column);
    }

    public void setChosen(ColumnSpec column, boolean on) {
        if (on) {
            chosen.add(column);
        } else {
            chosen.remove(column);
        }
    }

    public ObservableSet<ColumnSpec> chosen() {
        return chosen;
    }

    /** The chosen columns: those already shown in their order, then the new ones in list order. */
    public List<ColumnSpec> chosenInOrder() {
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : initial) {
            if (chosen.contains(c)) {
                out.add(c);
            }
        }
        for (ColumnSpec c : candidates) {
            if (chosen.contains(c) && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
