package dev.cairn.plugin.sacred;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.ParamFlattener;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One Sacred run folder: experiment from {@code run.json} {@code experiment.name}; status COMPLETED → FINISHED,
 * FAILED → FAILED (fail trace in tag {@code sacred.fail_trace}), INTERRUPTED and TIMEOUT → KILLED, RUNNING,
 * QUEUED → SCHEDULED; start and stop times (heartbeat when it never stopped); {@code config.json} flattened with
 * dots as params; {@code metrics.json} series exactly (steps, timestamps, values); host and git info as tags; the
 * artifacts named in {@code run.json} listed with their sizes. Sacred writes UTC times without an offset.
 */
final class SacredRunReader {
    private SacredRunReader() {
    }

    static ImportedRun read(Path dir, ImportContext context) throws IOException, LogFileException {
        Path runFile = dir.resolve("run.json");
        JsonNode run = JsonFiles.read(runFile);
        if (!run.isObject()) {
            throw new LogFileException(runFile, 1, "expected a JSON object (a Sacred run)");
        }
        String experiment = run.path("experiment").path("name").asText(null);
        if (experiment == null || experiment.isBlank()) {
            throw new LogFileException(runFile, 1, "missing field 'experiment.name'");
        }
        String statusText = run.path("status").asText(null);
        if (statusText == null) {
            throw new LogFileException(runFile, 1, "missing field 'status'");
        }
        RunStatus status = status(runFile, statusText);
        String id = dir.getFileName().toString();
        String start = run.path("start_time").asText(null);
        Long startMs = JsonFiles.isoMillis(start);
        Long endMs = JsonFiles.isoMillis(run.path("stop_time").asText(null));
        if (endMs == null && status.isTerminal()) {
            endMs = JsonFiles.isoMillis(run.path("heartbeat").asText(null));
        }
        ImportedRun.Builder out = ImportedRun.builder(context.experimentOverride().orElse(experiment),
                        ImportedRun.stableId(SacredImporter.ID, experiment + "\n" + id + "\n" + start))
                .name(experiment + " " + id).status(status).times(startMs, endMs).sourceRef(runFile.toString())
                .tag("sacred.id", id);
        String command = run.path("command").asText(null);
        if (command != null) {
            out.tag("sacred.command", command);
        }
        if (status == RunStatus.FAILED && run.path("fail_trace").isArray()) {
            StringBuilder trace = new StringBuilder();
            run.get("fail_trace").forEach(line -> trace.append(line.asText()));
            out.tag("sacred.fail_trace", trace.toString().strip());
        }
        if (statusText.equals("INTERRUPTED") || statusText.equals("TIMEOUT")) {
            out.tag("sacred.status", statusText);
        }
        hostTags(run.path("host"), out);
        gitInfo(run.path("experiment"), out);
        Path config = dir.resolve("config.json");
        if (Files.isRegularFile(config)) {
            out.params(ParamFlattener.read(config));
        }
        Path metrics = dir.resolve("metrics.json");
        if (Files.isRegularFile(metrics)) {
            readMetrics(metrics).forEach(out::metric);
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (JsonNode name : run.path("artifacts")) {
            Path file = dir.resolve(name.asText());
            artifacts.add(new Artifact(name.asText(), Files.isRegularFile(file) ? Files.size(file) : null));
        }
        if (!artifacts.isEmpty()) {
            out.artifacts(dir.toUri().toString(), artifacts);
        }
        return out.build();
    }

    private static RunStatus status(Path runFile, String text) throws LogFileException {
        return switch (text) {
            case "COMPLETED" -> RunStatus.FINISHED;
            case "FAILED" -> RunStatus.FAILED;
            case "INTERRUPTED", "TIMEOUT" -> RunStatus.KILLED;
            case "RUNNING" -> RunStatus.RUNNING;
            case "QUEUED" -> RunStatus.SCHEDULED;
            default -> throw new LogFileException(runFile, 1, "unknown status '" + text
                    + "' (expected COMPLETED, FAILED, INTERRUPTED, TIMEOUT, RUNNING or QUEUED)");
        };
    }

    private static void hostTags(JsonNode host, ImportedRun.Builder out) {
        for (String key : List.of("hostname", "cpu", "python_version")) {
            if (host.hasNonNull(key)) {
                out.tag("host." + key, host.get(key).asText());
            }
        }
        if (host.path("os").isArray() && !host.get("os").isEmpty()) {
            out.tag("host.os", host.get("os").get(host.get("os").size() - 1).asText());
        }
        if (host.path("gpus").isObject()) {
            out.tag("host.gpus", JsonFiles.text(host.get("gpus")));
        }
    }

    private static void gitInfo(JsonNode experiment, ImportedRun.Builder out) {
        String mainfile = experiment.path("mainfile").asText(null);
        JsonNode repos = experiment.path("repositories");
        JsonNode repo = repos.isArray() && !repos.isEmpty() ? repos.get(0) : null;
        String commit = repo == null ? null : repo.path("commit").asText(null);
        out.source(mainfile, commit);
        if (repo != null) {
            if (repo.hasNonNull("url")) {
                out.tag("git.url", repo.get("url").asText());
            }
            if (repo.hasNonNull("dirty")) {
                out.tag("git.dirty", repo.get("dirty").asText());
            }
        }
    }

    /** {@code {name: {steps: [], timestamps: [], values: []}}}; columns of unequal length name the metric. */
    static List<dev.cairn.plugin.importer.ImportedSeries> readMetrics(Path file) throws IOException, LogFileException {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a JSON object of metrics");
        }
        SeriesCollector series = new SeriesCollector();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            JsonNode steps = m.getValue().path("steps");
            JsonNode times = m.getValue().path("timestamps");
            JsonNode values = m.getValue().path("values");
            if (!steps.isArray() || !values.isArray()) {
                throw new LogFileException(file, 1, "metric '" + m.getKey() + "' has no 'steps' and 'values' lists");
            }
            if (steps.size() != values.size() || times.isArray() && times.size() != values.size()) {
                throw new LogFileException(file, 1, "metric '" + m.getKey() + "': " + steps.size() + " steps, "
                        + times.size() + " timestamps, " + values.size() + " values");
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (!v.isNumber() && !v.isNull()) {
                    throw new LogFileException(file, 1, "metric '" + m.getKey() + "' value " + i
                            + " is not a number: " + v);
                }
                Long ts = times.isArray() ? JsonFiles.isoMillis(times.get(i).asText(null)) : null;
                series.add(m.getKey(), JsonFiles.integer(steps.get(i), file, 1, "metric '" + m.getKey() + "' step " + i),
                        ts == null ? 0 : ts,
                        v.isNull() ? Double.NaN : v.asDouble());
            }
        }
        return series.series();
    }
}
