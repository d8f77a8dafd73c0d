package dev.cairn.store.log;

import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.model.RunStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run being logged. Thread-safe: many threads may log metrics to one run. {@link #metric} calls are buffered
 * and written in the background; params and tags are written at once. {@link #close()} marks the run FINISHED
 * unless {@link #fail(Throwable)} or {@link #kill()} was called first. A metric logged after the run or its logger
 * was closed is dropped with one WARN for the run: training code never gets an exception from the logger's state.
 */
public final class ActiveRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveRun.class);
    private final Cairn cairn;
    private final ExperimentLogger experiment;
    private final String id;
    private final Map<String, SeriesBuffer> buffers = new LinkedHashMap<>();
    private long buffered;
    private RunStatus endStatus = RunStatus.FINISHED;
    private boolean closed;
    private final AtomicBoolean warnedDropped = new AtomicBoolean();

    ActiveRun(Cairn cairn, ExperimentLogger experiment, String id) {
        this.cairn = cairn;
        this.experiment = experiment;
        this.id = id;
    }

    /** The run id (32 hex characters). */
    public String id() {
        return id;
    }

    /** Logs a param; its value is stored as {@code String.valueOf(value)}. */
    public ActiveRun param(String key, Object value) {
        cairn.store().runs().logParam(id, key, value);
        return this;
    }

    public ActiveRun params(Map<String, ?> params) {
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((k, v) -> text.put(k, String.valueOf(v)));
        cairn.store().runs().logParams(id, text);
        return this;
    }

    public ActiveRun tag(String key, String value) {
        cairn.store().runs().setTag(id, key, value);
        return this;
    }

    public ActiveRun note(String text) {
        cairn.store().runs().setNote(id, text);
        return this;
    }

    /** Logs a metric point at {@code step}, timestamped now. NaN and infinities are kept. */
    public ActiveRun metric(String key, double value, long step) {
        return metric(key, value, step, System.currentTimeMillis());
    }

    /** Logs a metric point at the key's next step (0, 1, 2, … per key). */
    public ActiveRun metric(String key, double value) {
        synchronized (this) {
            SeriesBuffer b = buffer(key);
            if (b == null) {
                return this;
            }
            b.add(b.nextStep, System.currentTimeMillis(), value);
            buffered++;
        }
        cairn.pointBuffered();
        return this;
    }

    /** Logs a metric point with an explicit timestamp (epoch ms). */
    public ActiveRun metric(String key, double value, long step, long timestampMs) {
        synchronized (this) {
            SeriesBuffer b = buffer(key);
            if (b == null) {
                return this;
            }
            b.add(step, timestampMs, value);
            buffered++;
        }
        cairn.pointBuffered();
        return this;
    }

    /** Starts a nested run under this one. */
    public ActiveRun child(String name) {
        return experiment.start(name, id);
    }

    /** Writes this logger's buffered points now. */
    public void flush() {
        cairn.flush();
    }

    /** Marks the run FAILED (recording the error in tag {@code cairn.error}); takes effect on {@link #close()}. */
    public synchronized void fail(Throwable error) {
        endStatus = RunStatus.FAILED;
        if (error != null) {
            String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
            cairn.store().runs().setTag(id, "cairn.error", text.length() > 5000 ? text.substring(0, 5000) : text);
        }
    }

    /** Marks the run KILLED; takes effect on {@link #close()}. */
    public synchronized void kill() {
        endStatus = RunStatus.KILLED;
    }

    /**
     * Writes the remaining points and sets the final status (FINISHED unless failed or killed). When the store
     * cannot take them now (locked past its busy timeout), they stay buffered and are written by the next flush;
     * a WARN says so.
     */
    @Override
    public void close() {
        RunStatus status;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            status = endStatus;
        }
        experiment.end(this, status);
    }

    /** Ends the run while its logger closes: marks it ended; the logger's final flush writes points and status. */
    void endBy(Cairn owner) {
        RunStatus status;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            status = endStatus;
        }
        owner.ended(this, status);
    }

    /** The key's buffer; null (point dropped, one WARN) when the run or its logger is closed. */
    private SeriesBuffer buffer(String key) {
        if (closed || cairn.isClosed()) {
            if (warnedDropped.compareAndSet(false, true)) {
                LOG.warn("run {}: metric '{}' logged after the {} was closed; dropped (further drops are not "
                        + "reported)", id, key, closed ? "run" : "Cairn logger");
            }
            return null;
        }
        SeriesBuffer b = buffers.get(key);
        if (b == null) {
            dev.cairn.store.model.Keys.requireValid("metric", key);
            b = new SeriesBuffer();
            buffers.put(key, b);
        }
        return b;
    }

    /** Takes the buffered points out for writing; null when there are none. */
    synchronized Pending drain() {
        if (buffered == 0) {
            return null;
        }
        Map<String, SeriesBuffer> out = new HashMap<>();
        for (Map.Entry<String, SeriesBuffer> e : buffers.entrySet()) {
            if (e.getValue().size > 0) {
                out.put(e.getKey(), e.getValue().drain());
            }
        }
        buffered = 0;
        return new Pending(out);
    }

    static String apiVersion() {
        String v = ActiveRun.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** Points taken out of the buffers, written in the flusher's transaction or put back on failure. */
    final class Pending {
        private final Map<String, SeriesBuffer> series;

        Pending(Map<String, SeriesBuffer> series) {
            this.series = series;
        }

        /** Number of points. */
        long size() {
            long n = 0;
            for (SeriesBuffer b : series.values()) {
                n += b.size;
            }
            return n;
        }

        void write(StoreWriter writer) {
            RunRef run = writer.run(id);
            for (Map.Entry<String, SeriesBuffer> e : series.entrySet()) {
                SeriesBuffer b = e.getValue();
                writer.append(run, e.getKey(), b.steps, b.timestamps, b.values, 0, b.size);
            }
        }

        void restore() {
            synchronized (ActiveRun.this) {
                for (Map.Entry<String, SeriesBuffer> e : series.entrySet()) {
                    SeriesBuffer b = buffers.computeIfAbsent(e.getKey(), k -> new SeriesBuffer());
                    b.restore(e.getValue());
                    buffered += e.getValue().size;
                }
            }
        }
    }
}
