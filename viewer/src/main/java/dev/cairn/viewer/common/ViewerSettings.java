package dev.cairn.viewer.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the viewer remembers per user: theme, window size, splitter positions, chosen columns and group-by per
 * experiment and recent stores. A plain bean so the app can persist it as JSON.
 */
public final class ViewerSettings {
    /** How many recent stores are kept. */
    public static final int MAX_RECENT = 10;

    private String theme = "light";
    private double windowWidth = 1280;
    private double windowHeight = 800;
    private double leftDivider = 0.18;
    private double detailDivider = 0.7;
    private Map<String, List<String>> columns = new LinkedHashMap<>();
    private Map<String, String> groupBy = new LinkedHashMap<>();
    private List<String> recentStores = new ArrayList<>();

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public double getWindowWidth() {
        return windowWidth;
    }

    public void setWindowWidth(double windowWidth) {
        this.windowWidth = windowWidth;
    }

    public double getWindowHeight() {
        return windowHeight;
    }

    public void setWindowHeight(double windowHeight) {
        this.windowHeight = windowHeight;
    }

    public double getLeftDivider() {
        return leftDivider;
    }

    public void setLeftDivider(double leftDivider) {
        this.leftDivider = leftDivider;
    }

    public double getDetailDivider() {
        return detailDivider;
    }

    public void setDetailDivider(double detailDivider) {
        this.detailDivider = detailDivider;
    }

    /** Chosen extra column ids (see the runs package's ColumnSpec) by experiment name ("" = all experiments). */
    public Map<String, List<String>> getColumns() {
        return columns;
    }

    public void setColumns(Map<String, List<String>> columns) {
        this.columns = columns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(columns);
    }

    /** What the runs table groups by ("param:lr", "tag:team") by experiment name ("" = all experiments). */
    public Map<String, String> getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(Map<String, String> groupBy) {
        this.groupBy = groupBy == null ? new LinkedHashMap<>() : new LinkedHashMap<>(groupBy);
    }

    /** Most recent first. */
    public List<String> getRecentStores() {
        return recentStores;
    }

    public void setRecentStores(List<String> recentStores) {
        this.recentStores = recentStores == null ? new ArrayList<>() : new ArrayList<>(recentStores);
    }

    /** Moves {@code path} to the front of the recent stores, keeping at most {@link #MAX_RECENT}. */
    public void rememberStore(String path) {
        recentStores.remove(path);
        recentStores.add(0, path);
        while (recentStores.size() > MAX_RECENT) {
            recentStores.remove(recentStores.size() - 1);
        }
    }
}
