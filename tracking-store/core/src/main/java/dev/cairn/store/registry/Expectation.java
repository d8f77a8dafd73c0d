package dev.cairn.store.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a registry action expects the model to look like before it changes it ("version 3 is Production",
 * "Production is held by version 2", "alias champion points at version 2"). Checked inside the action's write
 * transaction; when a claim does not hold the action fails with a {@link RegistryConflictException} and writes
 * nothing. Combine claims with {@link #and(Expectation)}.
 */
public final class Expectation {
    private final List<Claim> claims;

    private Expectation(List<Claim> claims) {
        this.claims = List.copyOf(claims);
    }

    /** Expects nothing in particular (only for actions whose effect does not depend on the current state). */
    public static Expectation nothing() {
        return new Expectation(List.of());
    }

    /** Expects {@code version} to be in {@code stage}. */
    public static Expectation versionIn(int version, Stage stage) {
        return new Expectation(List.of(new VersionStage(version, Objects.requireNonNull(stage))));
    }

    /** Expects exactly {@code versions} (none for an empty stage) to be in {@code stage}. */
    public static Expectation stageHeldBy(Stage stage, int... versions) {
        Set<Integer> set = Arrays.stream(versions).boxed().collect(Collectors.toCollection(TreeSet::new));
        return new Expectation(List.of(new StageHolders(Objects.requireNonNull(stage), set)));
    }

    /** Expects {@code alias} to point at {@code version}, or to be unset when {@code version} is null. */
    public static Expectation aliasAt(String alias, Integer version) {
        return new Expectation(List.of(new AliasTarget(Objects.requireNonNull(alias), version)));
    }

    /** Expects everything in {@code state}: every version's stage and every alias. */
    public static Expectation of(ModelState state) {
        List<Claim> claims = new ArrayList<>();
        state.stages().forEach((v, s) -> claims.add(new VersionStage(v, s)));
        state.aliases().forEach((a, v) -> claims.add(new AliasTarget(a, v)));
        return new Expectation(claims);
    }

    /** This expectation and {@code other}. */
    public Expectation and(Expectation other) {
        List<Claim> all = new ArrayList<>(claims);
        all.addAll(other.claims);
        return new Expectation(all);
    }

    /** The claims, for display ("version 3 is Production"). */
    public List<String> describe() {
        return claims.stream().map(Claim::describe).toList();
    }

    /** The first claim that does not hold in {@code state}, if any. */
    public Optional<Claim> firstMismatch(ModelState state) {
        return claims.stream().filter(c -> !c.holds(state)).findFirst();
    }

    @Override
    public String toString() {
        return claims.isEmpty() ? "nothing" : String.join(", ", describe());
    }

    /** One expected fact about a model. */
    public sealed interface Claim permits VersionStage, StageHolders, AliasTarget {
        boolean holds(ModelState state);

        String describe();

        /** What is actually the case, phrased to follow "but". */
        String actual(ModelState state);
    }

    record VersionStage(int version, Stage stage) implements Claim {
        @Override
        public boolean holds(ModelState state) {
            return state.stageOf(version) == stage;
        }

        @Override
        public String describe() {
            return "version " + version + " is " + stage.label();
        }

        @Override
        public String actual(ModelState state) {
            Stage actual = state.stageOf(version);
            return actual == null ? "there is no version " + version : "it is " + actual.label();
        }
    }

    record StageHolders(Stage stage, Set<Integer> versions) implements Claim {
        @Override
        public boolean holds(ModelState state) {
            return state.holders(stage).equals(versions);
        }

        @Override
        public String describe() {
            return stage.label() + " is held by " + versionsText(versions);
        }

        @Override
        public String actual(ModelState state) {
            return "it is held by " + versionsText(state.holders(stage));
        }
    }

    record AliasTarget(String alias, Integer version) implements Claim {
        @Override
        public boolean holds(ModelState state) {
            return Objects.equals(state.aliasTarget(alias), version);
        }

        @Override
        public String describe() {
            return version == null ? "alias '" + alias + "' is not set"
                    : "alias '" + alias + "' points at version " + version;
        }

        @Override
        public String actual(ModelState state) {
            Integer actual = state.aliasTarget(alias);
            return actual == null ? "it is not set" : "it points at version " + actual;
        }
    }

    static String versionsText(Set<Integer> versions) {
        if (versions.isEmpty()) {
            return "no version";
        }
        return (versions.size() == 1 ? "version " : "versions ")
                + versions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
