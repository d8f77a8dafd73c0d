package dev.cairn.plugin.mlflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Orders runs so that every parent comes before its children (any depth); cycles are broken arbitrarily. */
final class ParentFirst {
    private ParentFirst() {
    }

    static <T> List<T> order(List<T> runs, Function<T, String> id, Function<T, String> parentId) {
        Map<String, T> byId = new HashMap<>();
        for (T r : runs) {
            byId.put(id.apply(r), r);
        }
        List<T> out = new ArrayList<>(runs.size());
        Set<String> done = new HashSet<>();
        for (T r : runs) {
            List<T> chain = new ArrayList<>();
            Set<String> onChain = new HashSet<>();
            T cur = r;
            while (cur != null && !done.contains(id.apply(cur)) && onChain.add(id.apply(cur))) {
                chain.add(cur);
                String p = parentId.apply(cur);
                cur = p == null ? null : byId.get(p);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (done.add(id.apply(chain.get(i)))) {
                    out.add(chain.get(i));
                }
            }
        }
        return out;
    }
}
