package dev.cairn.viewer.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
        Map<String, RunRow> byId = new HashMap<>(runs.size() * 2);
        for (RunRow r : runs) {
            byId.put(r.id(), r);
        }
        Map<String, List<RunRow>> children = new HashMap<>();
        List<RunRow> roots = new ArrayList<>();
        for (RunRow r : runs) {
            String parent = r.run().parentId();
            if (parent != null && !parent.equals(r.id()) && byId.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        roots.addAll(unreachable(runs, roots, children));

        List<RunRow> out = new ArrayList<>(runs.size() + 16);
        if (groupBy == null) {
            emit(sorted(roots, sort), 0, children, sort, collapsedRuns, out);
            return out;
        }
        Map<String, List<RunRow>> groups = new LinkedHashMap<>();
        for (RunRow r : roots) {
            groups.computeIfAbsent(valueKey(groupBy.value(r.details())), k -> new ArrayList<>()).add(r);
        }
        List<String> values = new ArrayList<>(groups.keySet());
        values.sort(Comparator.comparing((String v) -> GroupBy.orderValue(v.equals(NO_VALUE) ? null : v),
                CellValues.ORDER));
        Map<String, RunRow> kept = new HashMap<>();
        for (String value : values) {
            List<RunRow> members = groups.get(value);
            String key = groupBy.id() + "=" + value;
            RunRow header = groupRows.computeIfAbsent(key, RunRow::group);
            kept.put(key, header);
            int count = countWithDescendants(members, children);
            String shown = value.equals(NO_VALUE) ? "(none)" : value;
            header.describeGroup(groupBy.label() + " = " + shown + " (" + count + (count == 1 ? " run)" : " runs)"),
                    count);
            boolean open = !collapsedGroups.contains(key);
            header.placeInTree(0, true, open);
            out.add(header);
            if (open) {
                emit(sorted(members, sort), 1, children, sort, collapsedRuns, out);
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

    /** Runs not reachable from a top-level run (a parent cycle): each cycle's first run becomes top level. */
    private static List<RunRow> unreachable(List<RunRow> runs, List<RunRow> roots, Map<String, List<RunRow>> children) {
        Set<String> seen = new HashSet<>(runs.size() * 2);
        Deque<RunRow> stack = new ArrayDeque<>(roots);
        walk(stack, children, seen);
        if (seen.size() == runs.size()) {
            return List.of();
        }
        List<RunRow> extra = new ArrayList<>();
        for (RunRow r : runs) {
            if (!seen.contains(r.id())) {
                extra.add(r);
                stack.push(r);
                walk(stack, children, seen);
            }
        }
        return extra;
    }

    private static void walk(Deque<RunRow> stack, Map<String, List<RunRow>> children, Set<String> seen) {
        while (!stack.isEmpty()) {
            RunRow r = stack.pop();
            if (seen.add(r.id())) {
                stack.addAll(children.getOrDefault(r.id(), List.of()));
            }
        }
    }

    private static int countWithDescendants(List<RunRow> members, Map<String, List<RunRow>> children) {
        Set<String> seen = new HashSet<>();
        walk(new ArrayDeque<>(members), children, seen);
        return seen.size();
    }

    /** Appends {@code level} and, under each run not collapsed, its sorted children (depth first, no recursion). */
    private static void emit(List<RunRow> level, int depth, Map<String, List<RunRow>> children, List<SortKey> sort,
                             Set<String> collapsedRuns, List<RunRow> out) {
        Set<String> emitted = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (int i = level.size() - 1; i >= 0; i--) {
            stack.push(new Object[] {level.get(i), depth});
        }
        while (!stack.isEmpty()) {
            Object[] frame = stack.pop();
            RunRow r = (RunRow) frame[0];
            int d = (Integer) frame[1];
            if (!emitted.add(r.id())) {
                continue;
            }
            List<RunRow> kids = children.getOrDefault(r.id(), List.of());
            boolean open = !kids.isEmpty() && !collapsedRuns.contains(r.id());
            r.placeInTree(d, !kids.isEmpty(), open);
            out.add(r);
            if (open) {
                List<RunRow> ordered = sorted(kids, sort);
                for (int i = ordered.size() - 1; i >= 0; i--) {
                    stack.push(new Object[] {ordered.get(i), d + 1});
                }
            }
        }
    }

    /** {@code rows} in the sort order (stable: equal rows keep the store's order); the values are read once. */
    static List<RunRow> sorted(List<RunRow> rows, List<SortKey> sort) {
        if (sort.isEmpty() || rows.size() < 2) {
            return rows;
        }
        int n = rows.size();
        int k = sort.size();
        Object[][] keys = new Object[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[k];
            for (int j = 0; j < k; j++) {
                values[j] = sort.get(j).value().apply(rows.get(i).details());
            }
            keys[i] = values;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            for (int j = 0; j < k; j++) {
                SortKey s = sort.get(j);
                Object x = keys[a][j];
                Object y = keys[b][j];
                int c;
                if (x == null || y == null) {
                    c = x == null ? (y == null ? 0 : 1) : -1;
                } else {
                    c = s.order().compare(x, y);
                    if (s.descending()) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<RunRow> out = new ArrayList<>(n);
        for (Integer i : order) {
            out.add(rows.get(i));
        }
        return Collections.unmodifiableList(out);
    }
}
