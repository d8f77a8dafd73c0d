package dev.cairn.viewer.common;

import javafx.scene.paint.Color;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One colour per run, the same in every view and in every launch of the app: the colour is a pure function of the
 * run id (FNV-1a hash into a 12-colour palette (Tableau 10 without grey, plus three) whose colours stay apart), brightened for the dark theme.
 * Two runs can hash to the same colour (12 colours); views that show runs together use {@link #assign} so that the
 * runs of one set never share a colour.
 */
public final class RunColors {
    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
        "#2f4b7c", "#8cd17d", "#d37295"
    };

    private RunColors() {
    }

    /** The palette index of run {@code runId}. */
    public static int index(String runId) {
        int hash = 0x811c9dc5;
        for (byte b : runId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, PALETTE.length);
    }

    /** The colour of run {@code runId} in {@code theme}. */
    public static Color of(String runId, Theme theme) {
        Color base = Color.web(PALETTE[index(runId)]);
        return theme == Theme.DARK ? base.deriveColor(0, 0.85, 1.35, 1) : base;
    }

    /**
     * Colours for runs shown together: each run keeps its own colour ({@link #of}) unless an earlier run of the set
     * (by id order, so the result does not depend on selection order) already has it; then it takes the next free
     * palette colour. Deterministic for a given set of runs.
     */
    public static Map<String, Color> assign(Collection<String> runIds, Theme theme) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(runIds));
        boolean[] used = new boolean[PALETTE.length];
        Map<String, Color> out = new LinkedHashMap<>();
        for (String id : sorted) {
            int i = index(id);
            for (int k = 0; k < PALETTE.length && used[i]; k++) {
                i = (i + 1) % PALETTE.length;
            }
            used[i] = true;
            Color base = Color.web(PALETTE[i]);
            out.put(id, theme == Theme.DARK ? base.deriveColor(0, 0.85, 1.35, 1) : base);
            if (allUsed(used)) {
                java.util.Arrays.fill(used, false);
            }
        }
        return out;
    }

    private static boolean allUsed(boolean[] used) {
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code i}-th colour of the palette for series that are not runs (drift columns, reference and batch),
     * brightened on the dark theme so no series is dim there.
     */
    public static Color series(int i, Theme theme) {
        Color base = Color.web(PALETTE[Math.floorMod(i, PALETTE.length)]);
        return theme == Theme.DARK ? base.deriveColor(0, 0.85, 1.35, 1) : base;
    }

    /** The colour as a CSS hex string, e.g. {@code #1f77b4}. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** The colour as a CSS rgba() string with {@code alpha} (0..1), for faint lines and bands. */
    public static String rgba(Color c, double alpha) {
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), alpha);
    }
}
