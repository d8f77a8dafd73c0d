package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.GroupBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the loaded runs into the rows the table shows: child runs under their parent (any depth, unless the parent
 * is collapsed), runs whose parent is not loaded at top level, top-level runs grouped by a param or tag (groups
 * collapsible, with counts), siblings sorted by the table's sort order. Works in memory, in time linear in the
 * runs plus the sorting; group header rows keep their identity across rebuilds so the selection survives.
 */
final class RunTree {
    private static final String NO_VALUE = "\u0000none";

    private final Map<String, RunRow> groupRows = new HashMap<>();

    /**
     * The visible rows.
     *
     * @param runs            every loaded run, in the store's order (used when nothing is sorted)
     * @param sort            the sort order (empty = store order)
     * @param groupBy         what to group top-level runs by, or null
     * @param collapsedRuns   ids of runs whose children are hidden (children show by default)
     * @param collapsedGroups group keys (see {@link RunRow#groupKey()}) whose runs are hidden
     */
    List<RunRow> build(List<RunRow> runs, List<SortKey> sort, GroupBy groupBy, Set<String> collapsedRuns,
                       Set<String> collapsedGroups) {
        Shape shape = new Shape(runs, sort);
        List<RunRow> out = new ArrayList<>(runs.size() + 16);
        if (groupBy == null) {
            shape.emit(shape.roots, 0, collapsedRuns, out);
            return out;
        }
        Map<String, IntList> groups = new LinkedHashMap<>();
        for (int k = 0; k < shape.roots.size; k++) {
            int i = shape.roots.values[k];
            groups.computeIfAbsent(valueKey(groupBy.value(runs.get(i).details())), v -> new IntList()).add(i);
        }
        List<String> values = new ArrayList<>(groups.keySet());
        values.sort(Comparator.comparing((String v) -> GroupBy.orderValue(v.equals(NO_VALUE) ? null : v),
                CellValues.ORDER));
        Map<String, RunRow> kept = new HashMap<>();
        for (String value : values) {
            IntList members = groups.get(value);
            String key = groupBy.id() + "=" + value;
            RunRow header = groupRows.computeIfAbsent(key, RunRow::group);
            kept.put(key, header);
            int count = shape.countWithDescendants(members);
            String shown = value.equals(NO_VALUE) ? "(none)" : value;
            header.describeGroup(groupBy.label() + " = " + shown + " (" + count + (count == 1 ? " run)" : " runs)"),
                    count);
            boolean open = !collapsedGroups.contains(key);
            header.placeInTree(0, true, open);
            out.add(header);
            if (open) {
                shape.emit(members, 1, collapsedRuns, out);
            }
        }
        groupRows.keySet().retainAll(kept.keySet());
        return out;
    }

    /** The key of the group holding runs whose value is {@code raw} (null = the "(none)" group). */
    static String groupKey(GroupBy groupBy, String raw) {
        return groupBy.id() + "=" + valueKey(raw);
    }

    private static String valueKey(String raw) {
        return raw == null ? NO_VALUE : raw;
    }

    /** A growable list of ints (row positions), to keep 100,000 rows free of boxing. */
    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /**
     * The parent/child structure of the loaded runs, by position in the list: children of each run in the store's
     * order (compressed into one array), the top-level runs (including the first run of any parent cycle), and the
     * sort values read once per run.
     */
    private static final class Shape {
        final List<RunRow> runs;
        final int[] childStart;
        final int[] children;
        final IntList roots = new IntList();
        final Object[][] keys;
        final List<SortKey> sort;

        Shape(List<RunRow> runs, List<SortKey> sort) {
            this.runs = runs;
            this.sort = sort;
            int n = runs.size();
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                index.put(runs.get(i).id(), i);
            }
            int[] parent = new int[n];
            childStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                String p = runs.get(i).run().parentId();
                Integer pi = p == null ? null : index.get(p);
                parent[i] = pi == null || pi == i ? -1 : pi;
                if (parent[i] >= 0) {
                    childStart[parent[i] + 1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                childStart[i + 1] += childStart[i];
            }
            children = new int[childStart[n]];
            int[] fill = Arrays.copyOf(childStart, n);
            for (int i = 0; i < n; i++) {
                if (parent[i] >= 0) {
                    children[fill[parent[i]]++] = i;
                } else {
                    roots.add(i);
                }
            }
            boolean[] seen = new boolean[n];
            int reached = walk(roots, seen);
            for (int i = 0; reached < n && i < n; i++) {
                if (!seen[i]) {
                    IntList cycle = new IntList();
                    cycle.add(i);
                    roots.add(i);
                    reached += walk(cycle, seen);
                }
            }
            keys = sort.isEmpty() ? null : new Object[n][];
        }

        /** Marks everything under {@code from} as seen; returns how many runs were newly seen. */
        private int walk(IntList from, boolean[] seen) {
            int[] stack = new int[Math.max(16, from.size)];
            int top = 0;
            int count = 0;
            for (int k = 0; k < from.size; k++) {
                stack = push(stack, top++, from.values[k]);
            }
            while (top > 0) {
                int i = stack[--top];
                if (seen[i]) {
                    continue;
                }
                seen[i] = true;
                count++;
                for (int c = childStart[i]; c < childStart[i + 1]; c++) {
                    stack = push(stack, top++, children[c]);
                }
            }
            return count;
        }

        int countWithDescendants(IntList members) {
            return walk(members, new boolean[runs.size()]);
        }

        /** Appends {@code level} sorted and, under each run not collapsed, its sorted children (no recursion). */
        void emit(IntList level, int depth, Set<String> collapsedRuns, List<RunRow> out) {
            boolean[] emitted = new boolean[runs.size()];
            int[] stack = new int[64];
            int[] depths = new int[64];
            int top = 0;
            int[] ordered = sorted(level.values, 0, level.size);
            for (int k = ordered.length - 1; k >= 0; k--) {
                depths = push(depths, top, depth);
                stack = push(stack, top++, ordered[k]);
            }
            while (top > 0) {
                int i = stack[--top];
                int d = depths[top];
                if (emitted[i]) {
                    continue;
                }
                emitted[i] = true;
                RunRow r = runs.get(i);
                boolean hasKids = childStart[i + 1] > childStart[i];
                boolean open = hasKids && !collapsedRuns.contains(r.id());
                r.placeInTree(d, hasKids, open);
                out.add(r);
                if (open) {
                    int[] kids = sorted(children, childStart[i], childStart[i + 1]);
                    for (int k = kids.length - 1; k >= 0; k--) {
                        depths = push(depths, top, d + 1);
                        stack = push(stack, top++, kids[k]);
                    }
                }
            }
        }

        private static int[] push(int[] stack, int at, int value) {
            int[] s = at == stack.length ? Arrays.copyOf(stack, stack.length * 2) : stack;
            s[at] = value;
            return s;
        }

        /** Positions {@code from..to} of {@code source} in the sort order (stable). */
        private int[] sorted(int[] source, int from, int to) {
            int[] plain = Arrays.copyOfRange(source, from, to);
            if (keys == null || plain.length < 2) {
                return plain;
            }
            Integer[] order = new Integer[plain.length];
            for (int k = 0; k < plain.length; k++) {
                order[k] = plain[k];
                keysOf(plain[k]);
            }
            Arrays.sort(order, this::compare);
            for (int k = 0; k < plain.length; k++) {
                plain[k] = order[k];
            }
            return plain;
        }

        private Object[] keysOf(int i) {
            Object[] values = keys[i];
            if (values == null) {
                values = new Object[sort.size()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = sort.get(j).value().apply(runs.get(i).details());
                }
                keys[i] = values;
            }
            return values;
        }

        private int compare(int a, int b) {
            Object[] ka = keys[a];
            Object[] kb = keys[b];
            for (int j = 0; j < ka.length; j++) {
                Object x = ka[j];
                Object y = kb[j];
                int c;
                if (x == null || y == null) {
                    c = x == null ? (y == null ? 0 : 1) : -1;
                } else {
                    c = sort.get(j).order().compare(x, y);
                    if (sort.get(j).descending()) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
