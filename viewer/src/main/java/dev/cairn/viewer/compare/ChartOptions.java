package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.GroupBy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** The settings every metric chart of a compare view shares; UI thread only. */
public final class ChartOptions {
    private final ObjectProperty<XAxisMode> xAxis = new SimpleObjectProperty<>(this, "xAxis", XAxisMode.STEP);
    private final ObjectProperty<YScale> yScale = new SimpleObjectProperty<>(this, "yScale", YScale.LINEAR);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0);
    private final BooleanProperty ignoreOutliers = new SimpleBooleanProperty(this, "ignoreOutliers", false);
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy");
    private final ObservableSet<String> hidden = FXCollections.observableSet();

    public ObjectProperty<XAxisMode> xAxisProperty() {
        return xAxis;
    }

    public ObjectProperty<YScale> yScaleProperty() {
        return yScale;
    }

    /** EMA weight 0..0.999 (see {@link Ema}). */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty ignoreOutliersProperty() {
        return ignoreOutliers;
    }

    /** Null for one line per run. */
    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    /** Ids of hidden lines (run ids, metric keys or group values), toggled from the legend. */
    public ObservableSet<String> hidden() {
        return hidden;
    }

    /** Shows a hidden line or hides a shown one. */
    public void toggleHidden(String id) {
        if (!hidden.remove(id)) {
            hidden.add(id);
        }
    }

    /** The smoothing weight clamped to 0..0.999. */
    public double smoothingWeight() {
        return Math.max(0, Math.min(Ema.MAX_WEIGHT, smoothing.get()));
    }
}
