package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Parses runs on a background thread while the caller writes the previous ones, in order, a few runs ahead (so
 * parsing and SQLite writes use both cores). The reader's warnings and failures are collected per run and replayed
 * on the caller's thread, so the import's report is only ever touched by one thread.
 *
 * @param <T> what a run is read from (a run folder's header, a database row)
 */
final class ReadAhead<T> implements AutoCloseable {
    /** Reads one run; may warn or fail through {@code context}. */
    interface Reader<T> {
        ImportedRun read(T source, ImportContext context) throws ImportException;
    }

    /** One parsed run (or the reason it could not be read) with what the reader reported while reading it. */
    record Parsed<T>(T source, ImportedRun run, String error, List<String> warnings, List<String[]> failures) {
        /** Replays the warnings and failures into {@code context}; the run, when there is one. */
        Optional<ImportedRun> replay(ImportContext context) {
            warnings.forEach(context::warn);
            failures.forEach(f -> context.fail(f[0], f[1]));
            return Optional.ofNullable(run);
        }
    }

    private static final int AHEAD = 6;
    private static final Parsed<?> END = new Parsed<>(null, null, null, List.of(), List.of());

    private final BlockingQueue<Parsed<T>> queue = new ArrayBlockingQueue<>(AHEAD);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;

    ReadAhead(List<T> sources, Reader<T> reader, ImportContext context) {
        thread = new Thread(() -> produce(sources, reader, context), "cairn-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** The parsed runs in source order; stops early after {@link #close()}. */
    Iterator<Parsed<T>> iterator() {
        return new Iterator<>() {
            private Parsed<T> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                return next != END;
            }

            @Override
            public Parsed<T> next() {
                hasNext();
                Parsed<T> p = next;
                next = null;
                return p;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Parsed<T> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
            return (Parsed<T>) END;
        }
    }

    @SuppressWarnings("unchecked")
    private void produce(List<T> sources, Reader<T> reader, ImportContext context) {
        for (T source : sources) {
            if (stopped.get() || context.isCancelled()) {
                break;
            }
            Collecting collecting = new Collecting(context);
            Parsed<T> p;
            try {
                p = new Parsed<>(source, reader.read(source, collecting), null, collecting.warnings,
                        collecting.failures);
            } catch (ImportException e) {
                p = new Parsed<>(source, null, e.getMessage(), collecting.warnings, collecting.failures);
            } catch (RuntimeException e) {
                p = new Parsed<>(source, null, "cannot read (" + e + ")", collecting.warnings, collecting.failures);
            }
            if (!put(p)) {
                return;
            }
        }
        put((Parsed<T>) END);
    }

    private boolean put(Parsed<T> p) {
        try {
            while (!stopped.get()) {
                if (queue.offer(p, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Stops the reader thread (after cancellation or when the caller is done). */
    @Override
    public void close() {
        stopped.set(true);
        queue.clear();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects what a reader reports for one run; everything else is the import's context. */
    private static final class Collecting implements ImportContext {
        private final ImportContext delegate;
        private final List<String> warnings = new ArrayList<>();
        private final List<String[]> failures = new ArrayList<>();

        Collecting(ImportContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public void progress(double fraction, String message) {
            // the writing side reports progress
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void fail(String source, String message) {
            failures.add(new String[] {source, message});
        }

        @Override
        public Optional<String> experimentOverride() {
            return delegate.experimentOverride();
        }

        @Override
        public boolean dryRun() {
            return delegate.dryRun();
        }
    }
}
