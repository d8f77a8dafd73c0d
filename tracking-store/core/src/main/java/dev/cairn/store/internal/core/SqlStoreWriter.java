package dev.cairn.store.internal.core;

import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.internal.sql.Tx;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A unit of work over one write transaction; run references carry the run's internal row number. */
public final class SqlStoreWriter implements StoreWriter {
    private final StoreContext context;
    private final Tx tx;

    public SqlStoreWriter(StoreContext context, Tx tx) {
        this.context = context;
        this.tx = tx;
    }

    @Override
    public RunRef createRun(NewRun spec) {
        long seq = context.runs().create(tx, spec);
        return new SeqRunRef(context.runs().idOf(tx, seq), seq, this);
    }

    @Override
    public RunRef run(String id) {
        return findRun(id).orElseThrow(() -> new NotFoundException("No run with id '" + id + "'."));
    }

    @Override
    public Optional<RunRef> findRun(String id) {
        Long seq = context.runs().seqOrNull(tx, id);
        return seq == null ? Optional.empty() : Optional.of(new SeqRunRef(id, seq, this));
    }

    @Override
    public void logParams(RunRef run, Map<String, String> params) {
        context.runs().logParams(tx, seq(run), params);
    }

    @Override
    public void setTags(RunRef run, Map<String, String> tags) {
        context.runs().setTags(tx, seq(run), tags);
    }

    @Override
    public void addInputs(RunRef run, List<DatasetInput> inputs) {
        context.runs().addInputs(tx, seq(run), inputs);
    }

    @Override
    public void setArtifacts(RunRef run, String rootUri, List<Artifact> files) {
        context.runs().setArtifacts(tx, seq(run), rootUri, files);
    }

    @Override
    public void append(RunRef run, String key, long[] steps, long[] timestamps, double[] values, int off, int len) {
        if (steps.length != timestamps.length || steps.length != values.length) {
            throw new IllegalArgumentException("steps, timestamps and values must have the same length");
        }
        if (off < 0 || len < 0 || off + len > steps.length) {
            throw new IndexOutOfBoundsException("points " + off + ".." + (off + len) + " of " + steps.length);
        }
        context.metrics().append(tx, seq(run), key, steps, timestamps, values, off, len);
    }

    @Override
    public void afterCommit(Runnable action) {
        tx.afterCommit(action);
    }

    private long seq(RunRef run) {
        if (run instanceof SeqRunRef ref && ref.writer == this) {
            return ref.seq;
        }
        throw new IllegalArgumentException("Run " + run.id() + " was not looked up in this unit of work.");
    }

    /** A run reference valid in the unit of work that made it. */
    private record SeqRunRef(String id, long seq, SqlStoreWriter writer) implements RunRef {
        @Override
        public String toString() {
            return id;
        }
    }
}
