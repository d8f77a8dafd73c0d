package dev.cairn.store.log;

import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.model.RunStatus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run being logged. Thread-safe: many threads may log metrics to one run. {@link #metric} calls are buffered
 * and written in the background; params and tags are written at once. {@link #close()} marks the run FINISHED
 * unless {@link #fail(Throwable)} or {@link #kill()} was called first.
 */
public final class ActiveRun implements AutoCloseable {
    private final Cairn cairn;
    private final ExperimentLogger experiment;
    private final String id;
    private final Map<String, SeriesBuffer> buffers = new LinkedHashMap<>();
    private long buffered;
    private RunStatus endStatus = RunStatus.FINISHED;
    private boolean closed;

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
        long total;
        synchronized (this) {
            SeriesBuffer b = buffer(key);
            b.add(b.nextStep, System.currentTimeMillis(), value);
            total = ++buffered;
        }
        cairn.pointsBuffered(total);
        return this;
    }

    /** Logs a metric point with an explicit timestamp (epoch ms). */
    public ActiveRun metric(String key, double value, long step, long timestampMs) {
        long total;
        synchronized (this) {
            buffer(key).add(step, timestampMs, value);
            total = ++buffered;
        }
        cairn.pointsBuffered(total);
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

    /** Writes the remaining points and sets the final status (FINISHED unless failed or killed). */
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

    private SeriesBuffer buffer(String key) {
        if (closed) {
            throw new IllegalStateException("run " + id + " is closed");
        }
        SeriesBuffer b = buffers.get(key);
        if (b == null) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("A metric needs a non-empty key.");
            }
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
