package dev.cairn.viewer.hparams;

import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The brushes on the parallel-coordinates axes: at most one range per axis; a run is kept when it lies inside
 * every brush (AND). Immutable: each change returns a new set.
 */
public final class Brushes {
    /** No brush: every run is kept. */
    public static final Brushes NONE = new Brushes(Map.of());

    private final Map<String, Brush> byAxis;

    private Brushes(Map<String, Brush> byAxis) {
        this.byAxis = byAxis;
    }

    public Brushes with(String axis, Brush brush) {
        Map<String, Brush> next = new LinkedHashMap<>(byAxis);
        next.put(axis, brush);
        return new Brushes(Collections.unmodifiableMap(next));
    }

    public Brushes without(String axis) {
        Map<String, Brush> next = new LinkedHashMap<>(byAxis);
        next.remove(axis);
        return new Brushes(Collections.unmodifiableMap(next));
    }

    public Map<String, Brush> byAxis() {
        return byAxis;
    }

    public boolean isEmpty() {
        return byAxis.isEmpty();
    }

    /**
     * The rows kept, given each axis's row positions. A brush on an axis without positions is ignored (e.g. a
     * param that was hidden after brushing).
     */
    public BitSet apply(Map<String, float[]> positionsByAxis, int rows) {
        BitSet kept = new BitSet(rows);
        kept.set(0, rows);
        for (Map.Entry<String, Brush> e : byAxis.entrySet()) {
            float[] positions = positionsByAxis.get(e.getKey());
            if (positions == null) {
                continue;
            }
            Brush b = e.getValue();
            for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
                if (!b.contains(positions[i])) {
                    kept.clear(i);
                }
            }
        }
        return kept;
    }
}
