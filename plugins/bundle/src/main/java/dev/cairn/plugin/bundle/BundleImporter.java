package dev.cairn.plugin.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.plugin.support.BoundedZip;
import dev.cairn.plugin.support.ZipLimits;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.RunStatus;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports a {@code .cairn.zip} written by {@link BundleExporter}: the same runs, ids, times, params, tags, inputs,
 * artifact lists, provenance and series bit for bit. Importing it twice changes nothing. Its entries are read within
 * the {@link ZipLimits} of any zip Cairn reads (decision 0014, {@link BoundedZip}): a bundle that is a zip bomb is
 * refused with one line naming the bundle and the entry.
 */
public final class BundleImporter implements RunImporter {
    /** The importer id ({@code cairn import --format cairn-bundle}). */
    public static final String ID = "cairn-bundle";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ZipLimits limits;

    /** Reads bundles within {@link ZipLimits#DEFAULT}. */
    public BundleImporter() {
        this(ZipLimits.DEFAULT);
    }

    /** Reads bundles within {@code limits} (tests set small ones). */
    BundleImporter(ZipLimits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Cairn bundle";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public double probe(Path path) {
        if (!Files.isRegularFile(path)) {
            return 0;
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry(BundleFormat.MANIFEST) != null ? 1.0 : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        try (ZipFile file = new ZipFile(path.toFile())) {
            Bundle zip = new Bundle(file, new BoundedZip(path, limits, ""));
            zip.bounded.checkDeclared(file);
            BundleManifest manifest = read(zip, path, BundleFormat.MANIFEST, BundleManifest.class);
            if (!BundleFormat.FORMAT.equals(manifest.format())) {
                throw new ImportException(path + ": " + BundleFormat.MANIFEST + " is not a Cairn bundle manifest");
            }
            if (manifest.version() > BundleFormat.VERSION) {
                throw new ImportException(path + ": bundle version " + manifest.version() + " is newer than this "
                        + "Cairn reads (" + BundleFormat.VERSION + ")");
            }
            if (manifest.runs() == null || manifest.runs().isEmpty()) {
                throw new ImportException(path + ": the bundle has no runs");
            }
            for (BundleManifest.Experiment e : manifest.experiments() == null ? List.<BundleManifest.Experiment>of()
                    : manifest.experiments()) {
                if (e == null || e.name() == null) {
                    throw new ImportException(path + "!" + BundleFormat.MANIFEST + ": an experiment has no name");
                }
                sink.experiment(new ImportedExperiment(e.name(), e.description(), lifecycle(e.lifecycle()),
                        e.createdMs(), noNullValues(path + "!" + BundleFormat.MANIFEST, "experiment '" + e.name()
                                + "' tags", e.tags())));
            }
            int done = 0;
            for (String id : manifest.runs()) {
                if (id == null) {
                    throw new ImportException(path + "!" + BundleFormat.MANIFEST + ": a run id is null");
                }
                if (context.isCancelled()) {
                    return;
                }
                context.progress((double) done++ / manifest.runs().size(), "bundled run " + id);
                try {
                    sink.write(run(zip, path, id));
                } catch (ImportException e) {
                    context.fail(path + "!" + BundleFormat.runEntry(id), e.getMessage());
                }
            }
        } catch (BoundedZip.ZipLimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (ZipException e) {
            throw new ImportException(path + ": not a readable zip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static ImportedRun run(Bundle zip, Path path, String id) throws ImportException, IOException {
        BundleRun r = read(zip, path, BundleFormat.runEntry(id), BundleRun.class);
        String where = path + "!" + BundleFormat.runEntry(id);
        if (r == null || r.experiment() == null || r.id() == null || r.status() == null) {
            throw new ImportException(where + ": a run needs 'experiment', 'id' and 'status'");
        }
        RunStatus status;
        try {
            status = RunStatus.parse(r.status());
        } catch (IllegalArgumentException e) {
            throw new ImportException(where + ": " + e.getMessage());
        }
        if (r.inputs() != null && r.inputs().contains(null)
                || r.artifacts() != null && r.artifacts().contains(null)) {
            throw new ImportException(where + ": 'inputs' and 'artifacts' cannot hold null");
        }
        ImportedRun.Builder b = ImportedRun.builder(r.experiment(), r.id()).name(r.name())
                .status(status).times(r.startMs(), r.endMs()).user(r.user())
                .parentId(r.parentId()).lifecycle(lifecycle(r.lifecycle()), r.deletedMs())
                .source(r.sourceProgram(), r.sourceCommit()).note(r.note())
                .params(noNullValues(where, "params", r.params())).tags(noNullValues(where, "tags", r.tags()))
                .artifacts(r.artifactUri(), r.artifacts() == null ? List.of() : r.artifacts())
                .provenance(r.provenance()).sourceRef(path.toAbsolutePath() + "!" + BundleFormat.runEntry(id));
        if (r.inputs() != null) {
            r.inputs().forEach(b::input);
        }
        String entryName = BundleFormat.seriesEntry(id);
        ZipEntry entry = zip.file.getEntry(entryName);
        if (entry != null) {
            try (InputStream raw = zip.open(entry);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                SeriesCodec.read(in, path + "!" + entryName, entry.getSize()).forEach(b::metric);
            } catch (java.io.EOFException e) {
                throw new ImportException(path + "!" + entryName + ": truncated series data");
            }
        }
        return b.build();
    }

    /** An open bundle: its entries are read within the limits. */
    private record Bundle(ZipFile file, BoundedZip bounded) {
        InputStream open(ZipEntry entry) throws IOException {
            return bounded.open(file, entry);
        }
    }

    private static <T> T read(Bundle zip, Path path, String name, Class<T> type) throws ImportException,
            IOException {
        ZipEntry entry = zip.file.getEntry(name);
        if (entry == null) {
            throw new ImportException(path + ": entry " + name + " is missing");
        }
        try (InputStream in = zip.open(entry)) {
            return JSON.readValue(in, type);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ImportException(path + "!" + name + (at == null ? "" : ": line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
    }

    /** {@code map}, or an empty map for null; a null key or value is an error naming the entry. */
    private static Map<String, String> noNullValues(String where, String what, Map<String, String> map)
            throws ImportException {
        if (map == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new ImportException(where + ": " + what + " '" + e.getKey() + "' has no value (null)");
            }
        }
        return map;
    }

    private static Lifecycle lifecycle(String label) {
        return label != null && label.toLowerCase(Locale.ROOT).equals("deleted") ? Lifecycle.DELETED
                : Lifecycle.ACTIVE;
    }
}
