package dev.cairn.app.demo;

import dev.cairn.store.TrackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Writes the demo data into a store: experiments named "demo: ..." built from models really trained with Tribuo
 * (see {@link SweepSection}). Used by the welcome view's "Load demo data" and by {@code cairn demo}.
 *
 * <p>Each {@link DemoSection} writes its own experiment in one transaction. Sections whose experiment already
 * exists are skipped, so a store loaded by an older Cairn gets only the newer sections; when every section is
 * present, generation refuses with a {@link DemoAlreadyLoadedException} and writes nothing.
 *
 * <p>Deterministic: the same sections give the same params and metric values every time (fixed seeds); only the
 * run ids and the timestamps (anchored on the current time) differ.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    /** The sections written by {@link #generate}, in order. Later issues add theirs here. */
    public static List<DemoSection> sections() {
        return List.of(new SweepSection(), new DriftSection());
    }

    /**
     * Writes every demo section not yet in {@code store}.
     *
     * @param progress receives values from 0 to 1 on the calling thread (1 when done)
     * @throws DemoAlreadyLoadedException when the store already holds all demo experiments
     */
    public static DemoSummary generate(TrackingStore store, DoubleConsumer progress) {
        return generate(store, progress, sections(), Instant.now());
    }

    /** Writes the given sections, with simulated timestamps ending shortly before {@code now}. */
    public static DemoSummary generate(TrackingStore store, DoubleConsumer progress, List<DemoSection> sections,
                                       Instant now) {
        long started = System.nanoTime();
        List<DemoSection> missing = new ArrayList<>();
        for (DemoSection s : sections) {
            if (store.experiments().byName(s.experiment()).isPresent()) {
                LOG.info("demo section '{}' is already in the store, skipped", s.experiment());
            } else {
                missing.add(s);
            }
        }
        if (missing.isEmpty()) {
            throw new DemoAlreadyLoadedException(store.location().describe(), sections.stream().map(DemoSection::experiment)
                    .toList());
        }
        double total = missing.stream().mapToDouble(DemoSection::weight).sum();
        double done = 0;
        List<DemoSummary.Section> written = new ArrayList<>();
        progress.accept(0);
        for (DemoSection s : missing) {
            double base = done;
            double share = s.weight() / total;
            int runs = s.write(store, now, p -> progress.accept(Math.min(1, base + share * p)));
            written.add(new DemoSummary.Section(s.experiment(), runs));
            done += share;
            LOG.info("demo section '{}': {} runs", s.experiment(), runs);
        }
        progress.accept(1);
        return new DemoSummary(written, Duration.ofNanos(System.nanoTime() - started));
    }
}
