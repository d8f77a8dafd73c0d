package dev.cairn.store.registry;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stages and aliases of one model at one moment: what expectations are checked against.
 *
 * @param stages  every version's stage, by version number
 * @param aliases every alias and the version it points at
 */
public record ModelState(long modelId, String model, PromotionRule rule, SortedMap<Integer, Stage> stages,
                         SortedMap<String, Integer> aliases) {

    public ModelState {
        stages = new TreeMap<>(stages);
        aliases = new TreeMap<>(aliases);
    }

    /** The versions currently in {@code stage}, ascending. */
    public Set<Integer> holders(Stage stage) {
        Set<Integer> out = new TreeSet<>();
        for (Map.Entry<Integer, Stage> e : stages.entrySet()) {
            if (e.getValue() == stage) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** The stage of {@code version}, or null when there is no such version. */
    public Stage stageOf(int version) {
        return stages.get(version);
    }

    /** The version {@code alias} points at, or null. */
    public Integer aliasTarget(String alias) {
        return aliases.get(alias);
    }
}
