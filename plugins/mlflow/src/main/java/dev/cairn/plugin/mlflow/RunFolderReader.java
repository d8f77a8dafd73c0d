package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one run folder of an MLflow file store: header first (cheap, for ordering), then everything else. */
final class RunFolderReader {
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{32}");

    /** What is needed to order runs parent-first: the run's meta and tags. */
    record Header(Path dir, Path store, String experiment, MetaYaml meta, Map<String, String> tags, String id,
                  String parentId) {
    }

    private RunFolderReader() {
    }

    static Header header(Path store, String experiment, Path dir) throws ImportException {
        MetaYaml meta = MetaYaml.read(dir.resolve("meta.yaml"));
        Map<String, String> tags;
        try {
            tags = LocalFiles.keyedValues(dir.resolve("tags"));
        } catch (IOException e) {
            throw new ImportException(dir.resolve("tags") + ": cannot read (" + e.getMessage() + ")", e);
        }
        String id = MlflowTags.firstNonBlank(meta.text("run_id"), meta.text("run_uuid"));
        if (id == null) {
            id = dir.getFileName().toString();
        }
        id = id.toLowerCase(Locale.ROOT);
        if (!RUN_ID.matcher(id).matches()) {
            id = ImportedRun.stableId(MlflowFileStoreImporter.ID, dir.toAbsolutePath().toString());
        }
        String parent = MlflowTags.blankToNull(tags.get(MlflowTags.PARENT));
        return new Header(dir, store, experiment, meta, tags, id, parent == null ? null
                : parent.strip().toLowerCase(Locale.ROOT));
    }

    static ImportedRun read(Header h, ImportContext context) throws ImportException {
        MetaYaml meta = h.meta();
        meta.require("status", "start_time", "lifecycle_stage");
        ImportedRun.Builder b = ImportedRun.builder(h.experiment(), h.id());
        RunStatus status = MlflowStatus.parse(meta.text("status"));
        if (status == null) {
            context.warn(meta.file() + ": unknown status '" + meta.text("status") + "', imported as FAILED");
            status = RunStatus.FAILED;
        }
        b.status(status);
        b.times(meta.wholeNumber("start_time"), meta.wholeNumber("end_time"));
        boolean deleted = "deleted".equalsIgnoreCase(meta.text("lifecycle_stage"));
        b.lifecycle(deleted ? Lifecycle.DELETED : Lifecycle.ACTIVE, deleted ? meta.number("deleted_time") : null);
        MlflowTags.applyTo(b, h.tags(), MlflowTags.firstNonBlank(meta.text("run_name"), meta.text("name")),
                meta.text("user_id"));
        if (h.tags().get(MlflowTags.SOURCE_NAME) == null) {
            b.source(meta.text("source_name"), meta.text("source_version"));
        }
        b.parentId(h.parentId());
        b.tags(h.tags());
        b.sourceRef(h.dir().toAbsolutePath().toString());
        try {
            b.params(LocalFiles.keyedValues(h.dir().resolve("params")));
        } catch (IOException e) {
            throw new ImportException(h.dir().resolve("params") + ": cannot read (" + e.getMessage() + ")", e);
        }
        readMetrics(h.dir().resolve("metrics"), b);
        readInputs(h, b, context);
        readArtifacts(h, b);
        return b.build();
    }

    private static void readMetrics(Path dir, ImportedRun.Builder b) throws ImportException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try {
            files = LocalFiles.files(dir);
        } catch (IOException e) {
            throw new ImportException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        for (Path f : files) {
            ImportedSeries s = MetricFileParser.parse(LocalFiles.relative(dir, f), f);
            if (s.size() > 0) {
                b.metric(s);
            }
        }
    }

    private static void readInputs(Header h, ImportedRun.Builder b, ImportContext context) {
        Path dir = h.dir().resolve("inputs");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            List<Path> inputs = new ArrayList<>();
            children.forEach(inputs::add);
            inputs.sort(null);
            for (Path in : inputs) {
                Path metaFile = in.resolve("meta.yaml");
                if (!Files.exists(metaFile)) {
                    continue;
                }
                MetaYaml m = MetaYaml.read(metaFile);
                if (!"DATASET".equalsIgnoreCase(m.text("source_type"))) {
                    continue;
                }
                Path datasetMeta = h.dir().getParent().resolve("datasets").resolve(String.valueOf(m.text("source_id")))
                        .resolve("meta.yaml");
                if (!Files.exists(datasetMeta)) {
                    context.warn(metaFile + ": dataset " + m.text("source_id") + " not found in "
                            + datasetMeta.getParent().getParent() + ", input skipped");
                    continue;
                }
                MetaYaml d = MetaYaml.read(datasetMeta);
                Object ctx = m.map("tags").get(MlflowTags.DATA_CONTEXT);
                b.input(new DatasetInput(String.valueOf(d.text("name")), d.text("digest"), d.text("source"),
                        d.text("schema"), ctx == null ? null : String.valueOf(ctx)));
            }
        } catch (IOException e) {
            context.warn(dir + ": dataset inputs not readable (" + e.getMessage() + ")");
        } catch (ImportException e) {
            context.warn(e.getMessage() + "; dataset inputs skipped");
        }
    }

    private static void readArtifacts(Header h, ImportedRun.Builder b) throws ImportException {
        String uri = h.meta().text("artifact_uri");
        Path local = h.dir().resolve("artifacts");
        Path folder = Files.isDirectory(local) ? local : ArtifactUris.localFolder(uri, h.store()).orElse(null);
        try {
            b.artifacts(uri, folder == null ? List.of() : LocalFiles.artifacts(folder));
        } catch (IOException e) {
            throw new ImportException(folder + ": cannot list artifacts (" + e.getMessage() + ")", e);
        }
    }
}
