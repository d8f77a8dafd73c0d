package dev.cairn.app.cli;

import dev.cairn.app.Main;
import dev.cairn.store.TrackingStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Base of subcommands that work on a store. */
public abstract class StoreCommand implements Callable<Integer> {
    @ParentCommand
    Object parent;

    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    /** Opens the store chosen by the options; {@code create} false makes a missing store an error. */
    protected TrackingStore openStore(boolean create) {
        return storeOption.open(rootStoreOption(), create);
    }

    /** Where the store chosen by the options is. */
    protected dev.cairn.store.StoreLocation storeLocation() {
        return storeOption.location(rootStoreOption());
    }

    private StoreOption rootStoreOption() {
        Object p = parent;
        while (p != null) {
            if (p instanceof Main main) {
                return main.storeOption();
            }
            p = p instanceof StoreCommand sc ? sc.parent : null;
        }
        return null;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
