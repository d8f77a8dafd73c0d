package dev.cairn.store;

import dev.cairn.store.model.Experiment;

import java.util.List;
import java.util.Optional;

/** Experiments of a store: named groups of runs, with a description, tags and a lifecycle. */
public interface Experiments {

    /** Creates an experiment; fails when the name is taken. */
    Experiment create(String name, String description);

    /** The experiment named {@code name}, created when missing (a deleted one is returned as it is). */
    Experiment getOrCreate(String name);

    /** The experiment named {@code name}, if any. */
    Optional<Experiment> byName(String name);

    /** The experiment with the store-assigned id {@code id} (see {@link Experiment#id()}), if any. */
    Optional<Experiment> byId(long id);

    /** Experiments by name; deleted ones only when asked. */
    List<Experiment> list(boolean includeDeleted);

    /** Sets one tag of an experiment. */
    void setTag(String experiment, String key, String value);

    /**
     * Renames an experiment; its runs follow. Fails with a {@link dev.cairn.store.model.NotFoundException} when
     * there is no experiment {@code experiment}, and with a {@link dev.cairn.store.model.StoreException} when
     * {@code newName} is taken.
     */
    void rename(String experiment, String newName);

    /** Sets an experiment's description (null: none). */
    void setDescription(String experiment, String description);

    /** Soft-deletes an experiment; its runs stay as they are but are hidden with it. */
    void delete(String experiment);

    /** Restores a soft-deleted experiment. */
    void restore(String experiment);
}
