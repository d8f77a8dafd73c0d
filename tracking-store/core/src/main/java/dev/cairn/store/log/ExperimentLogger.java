package dev.cairn.store.log;

import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;

/** Starts runs in one experiment. */
public final class ExperimentLogger {
    private final Cairn cairn;
    private final String name;

    ExperimentLogger(Cairn cairn, String name) {
        this.cairn = cairn;
        this.name = name;
    }

    /** Starts a RUNNING run; close it (try-with-resources) to mark it FINISHED. */
    public ActiveRun startRun(String runName) {
        return start(runName, null);
    }

    ActiveRun start(String runName, String parentId) {
        NewRun spec = NewRun.in(name).withName(runName).withParent(parentId)
                .withSource(System.getProperty("sun.java.command"), null)
                .withProvenance(Provenance.here("cairn-java", ActiveRun.apiVersion(), null));
        String[] id = new String[1];
        cairn.store().write(w -> {
            var run = w.createRun(spec);
            w.setTags(run, cairn.writerTags());
            id[0] = run.id();
        });
        ActiveRun active = new ActiveRun(cairn, this, id[0]);
        cairn.opened(active);
        return active;
    }

    /** What a run does, for {@link #run(String, RunBody)}. */
    @FunctionalInterface
    public interface RunBody {
        void run(ActiveRun run) throws Exception;
    }

    /**
     * Runs {@code body} as a run: FINISHED when it returns, FAILED (with the error in tag {@code cairn.error})
     * when it throws; the exception is rethrown.
     */
    public void run(String runName, RunBody body) throws Exception {
        ActiveRun run = startRun(runName);
        try {
            body.run(run);
        } catch (Exception | Error e) {
            run.fail(e);
            throw e;
        } finally {
            run.close();
        }
    }

    public String name() {
        return name;
    }

    /** Ends a run with a given status (used by {@link ActiveRun}). */
    void end(ActiveRun run, RunStatus status) {
        cairn.finish(run, status);
    }
}
