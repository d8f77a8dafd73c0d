package dev.cairn.plugin.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.series.MetricSeries;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes selected runs, everything included (attributes, params, tags, inputs, artifact list, provenance and
 * every metric point), to one {@code .cairn.zip} (File → Export runs). The file appears only when complete.
 */
public final class BundleExporter {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.CLOSE_CLOSEABLE);

    private final TrackingStore store;

    public BundleExporter(TrackingStore store) {
        this.store = store;
    }

    /** Exports runs {@code ids} (unknown ids are an error naming them) to {@code target}; returns the run count. */
    public int export(List<String> ids, Path target) throws IOException {
        return export(ids, target, fraction -> { });
    }

    /**
     * Exports runs {@code ids} to {@code target}, reporting progress in [0, 1] after each run; returns the run
     * count. Unknown ids are an error naming them; the file appears only when complete.
     */
    public int export(List<String> ids, Path target, DoubleConsumer progress) throws IOException {
        Map<String, RunDetails> details = store.runs().details(ids);
        List<String> missing = ids.stream().filter(id -> !details.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no run with id " + String.join(", ", missing));
        }
        List<String> ordered = parentsFirst(details);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".cairn-export-", ".part");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                writeJson(zip, BundleFormat.MANIFEST, manifest(details, ordered));
                int done = 0;
                for (String id : ordered) {
                    writeRun(zip, details.get(id));
                    progress.accept((double) ++done / ordered.size());
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return ordered.size();
    }

    private BundleManifest manifest(Map<String, RunDetails> details, List<String> ordered) {
        Set<String> names = new HashSet<>();
        List<BundleManifest.Experiment> experiments = new ArrayList<>();
        for (RunDetails d : details.values()) {
            if (names.add(d.run().experimentName())) {
                Experiment e = store.experiments().byName(d.run().experimentName()).orElseThrow();
                experiments.add(new BundleManifest.Experiment(e.name(), e.description(), e.lifecycle().label(),
                        e.createdMs(), e.tags()));
            }
        }
        return new BundleManifest(BundleFormat.FORMAT, BundleFormat.VERSION, System.currentTimeMillis(),
                "cairn", experiments, ordered);
    }

    private void writeRun(ZipOutputStream zip, RunDetails d) throws IOException {
        Run r = d.run();
        BundleRun run = new BundleRun(r.experimentName(), r.id(), r.name(), r.status().name(), r.startMs(),
                r.endMs(), r.user(), r.parentId(), r.lifecycle().label(), r.deletedMs(), r.sourceProgram(),
                r.sourceCommit(), r.note(), d.params(), d.tags(), store.runs().inputs(r.id()), r.artifactUri(),
                store.runs().artifacts(r.id()), store.runs().provenance(r.id()).orElse(null));
        writeJson(zip, BundleFormat.runEntry(r.id()), run);
        List<ImportedSeries> series = new ArrayList<>();
        for (String key : d.metrics().keySet()) {
            MetricSeries s = store.metrics().read(r.id(), key);
            series.add(new ImportedSeries(key, s.steps(), s.timestamps(), s.values()));
        }
        zip.putNextEntry(new ZipEntry(BundleFormat.seriesEntry(r.id())));
        DataOutputStream out = new DataOutputStream(zip);
        SeriesCodec.write(out, series);
        out.flush();
        zip.closeEntry();
    }

    private static void writeJson(ZipOutputStream zip, String entry, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(zip, value);
        zip.closeEntry();
    }

    private static List<String> parentsFirst(Map<String, RunDetails> details) {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Map<String, RunDetails> byId = new LinkedHashMap<>(details);
        for (String id : byId.keySet()) {
            visit(id, byId, done, out, new HashSet<>());
        }
        return out;
    }

    private static void visit(String id, Map<String, RunDetails> byId, Set<String> done, List<String> out,
                              Set<String> path) {
        if (done.contains(id) || !path.add(id)) {
            return;
        }
        String parent = byId.get(id).run().parentId();
        if (parent != null && byId.containsKey(parent)) {
            visit(parent, byId, done, out, path);
        }
        done.add(id);
        out.add(id);
    }
}
