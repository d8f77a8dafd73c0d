package dev.cairn.plugin.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.ParamFlattener;
import dev.cairn.plugin.support.ProtoCursor;
import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One W&B run folder. Params: {@code files/config.yaml} flattened with dots, each entry's {@code value} unwrapped
 * ({@code desc} dropped) and the {@code _wandb} block left out. Metrics: every numeric value of every history
 * record of the binary log at its {@code _step} (keys starting with {@code _} are W&B's own), timestamp from
 * {@code _timestamp}; numeric values of {@code files/wandb-summary.json} no history row has become one point at the
 * last step; a summary value that differs from its series' last point is kept as tag {@code wandb.summary.<key>}.
 * Status from the exit record: 0 FINISHED; 255 (W&B's code for Ctrl-C), 130, 137, 143 or a negative code (a
 * signal) KILLED; any other code FAILED; no exit record FAILED with tag {@code wandb.state = crashed}.
 */
final class WandbRunReader {
    private static final Set<Integer> KILLED_CODES = Set.of(255, 130, 137, 143);

    private WandbRunReader() {
    }

    static ImportedRun read(Path dir, ImportContext context) throws IOException, LogFileException {
        Path log = RunFolders.log(dir);
        if (log == null) {
            throw new LogFileException(dir, 1, "no run-<id>.wandb log in the run folder");
        }
        String folderId = RunFolders.runId(dir);
        SeriesCollector series = new SeriesCollector();
        Map<String, Double> last = new HashMap<>();
        WandbRecords.RunInfo[] info = {null};
        WandbRecords.Exit[] exit = {null};
        long[] lastStep = {-1};
        long[] lastTs = {0};
        WandbRecords decoder = new WandbRecords();
        RecordLog.read(log, context, (data, offset) -> {
            try {
                decoder.decode(data, new WandbRecords.Visitor() {
                    @Override
                    public void history(WandbRecords.History h) {
                        Long step = h.step();
                        double ts = Double.NaN;
                        for (WandbRecords.Item item : h.items()) {
                            if (item.key().equals("_step") && item.value() != null && item.value().isNumber()) {
                                step = item.value().asLong();
                            } else if (item.key().equals("_timestamp") && item.value() != null
                                    && item.value().isNumber()) {
                                ts = item.value().asDouble();
                            }
                        }
                        long s = step == null ? lastStep[0] + 1 : step;
                        long ms = Double.isNaN(ts) ? 0 : Math.round(ts * 1000);
                        for (WandbRecords.Item item : h.items()) {
                            JsonNode v = item.value();
                            if (!item.key().startsWith("_") && v != null && v.isNumber()) {
                                series.add(item.key(), s, ms, v.asDouble());
                                last.put(item.key(), v.asDouble());
                            }
                        }
                        lastStep[0] = Math.max(lastStep[0], s);
                        lastTs[0] = Math.max(lastTs[0], ms);
                    }

                    @Override
                    public void run(WandbRecords.RunInfo run) {
                        info[0] = run;
                    }

                    @Override
                    public void exit(WandbRecords.Exit e) {
                        exit[0] = e;
                    }
                });
            } catch (ProtoCursor.MalformedProtoException e) {
                throw LogFileException.atOffset(log, offset, "malformed record: " + e.getMessage());
            }
        });
        WandbRecords.RunInfo run = info[0] != null ? info[0] : new WandbRecords.RunInfo();
        String runId = run.runId != null ? run.runId : folderId;
        String project = run.project != null ? run.project : "wandb";
        ImportedRun.Builder out = ImportedRun.builder(context.experimentOverride().orElse(project),
                        ImportedRun.stableId(WandbImporter.ID, project + "/" + runId))
                .name(run.displayName != null ? run.displayName : runId).sourceRef(log.toString())
                .tag("wandb.run_id", runId);
        putTag(out, "wandb.entity", run.entity);
        putTag(out, "wandb.project", run.project);
        putTag(out, "wandb.group", run.group);
        putTag(out, "wandb.job_type", run.jobType);
        putTag(out, "host", run.host);
        putTag(out, "git.remote", run.gitRemote);
        if (!run.tags.isEmpty()) {
            out.tag("wandb.tags", String.join(",", run.tags));
        }
        if (run.notes != null) {
            out.note(run.notes);
        }
        // boxed on both sides: a mixed long/Long conditional unboxes the null of a log without exit or timestamps
        Long end = exit[0] != null && run.startMs != null ? Long.valueOf(run.startMs + exit[0].runtimeSeconds() * 1000L)
                : lastTs[0] > 0 ? Long.valueOf(lastTs[0]) : null;
        out.times(run.startMs, end);
        out.status(status(exit[0], out));
        metadata(dir.resolve("files").resolve("wandb-metadata.json"), run, out);

        Path config = dir.resolve("files").resolve("config.yaml");
        if (Files.isRegularFile(config)) {
            out.params(unwrap(ParamFlattener.read(config)));
        }
        Path summary = dir.resolve("files").resolve("wandb-summary.json");
        if (Files.isRegularFile(summary)) {
            JsonNode s = JsonFiles.read(summary);
            long ts = s.path("_timestamp").isNumber() ? Math.round(s.get("_timestamp").asDouble() * 1000) : 0;
            long step = s.path("_step").isNumber() ? s.get("_step").asLong() : Math.max(lastStep[0], 0);
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().startsWith("_") || !f.getValue().isNumber()) {
                    continue;
                }
                Double logged = last.get(f.getKey());
                if (logged == null) {
                    series.add(f.getKey(), step, ts, f.getValue().asDouble());
                } else if (Double.compare(logged, f.getValue().asDouble()) != 0) {
                    out.tag("wandb.summary." + f.getKey(), JsonFiles.text(f.getValue()));
                }
            }
        }
        for (ImportedSeries s : series.series()) {
            out.metric(s);
        }
        return out.build();
    }

    private static RunStatus status(WandbRecords.Exit exit, ImportedRun.Builder out) {
        if (exit == null) {
            out.tag("wandb.state", "crashed");
            return RunStatus.FAILED;
        }
        out.tag("wandb.exit_code", Integer.toString(exit.exitCode()));
        if (exit.exitCode() == 0) {
            return RunStatus.FINISHED;
        }
        return exit.exitCode() < 0 || KILLED_CODES.contains(exit.exitCode()) ? RunStatus.KILLED : RunStatus.FAILED;
    }

    /** Program, git commit and host from wandb-metadata.json where the run record has none. */
    private static void metadata(Path file, WandbRecords.RunInfo run, ImportedRun.Builder out) {
        if (!Files.isRegularFile(file)) {
            out.source(null, run.gitCommit);
            return;
        }
        try {
            JsonNode m = JsonFiles.read(file);
            String commit = run.gitCommit != null ? run.gitCommit : m.path("git").path("commit").asText(null);
            out.source(m.path("program").asText(null), commit);
            if (run.host == null) {
                putTag(out, "host", m.path("host").asText(null));
            }
            if (run.gitRemote == null) {
                putTag(out, "git.remote", m.path("git").path("remote").asText(null));
            }
        } catch (IOException | LogFileException e) {
            out.source(null, run.gitCommit);
        }
    }

    /**
     * W&B's config.yaml wraps every entry as {@code key: {desc: ..., value: ...}}: {@code key.value.x} becomes
     * {@code key.x}, {@code key.desc} goes, {@code _wandb} and {@code wandb_version} go.
     */
    static Map<String, String> unwrap(Map<String, String> flat) {
        Map<String, String> out = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String top = dot < 0 ? key : key.substring(0, dot);
            String rest = dot < 0 ? "" : key.substring(dot + 1);
            if (top.equals("_wandb") || key.equals("wandb_version")) {
                return;
            }
            if (rest.equals("desc")) {
                return;
            }
            if (rest.equals("value")) {
                out.put(top, value);
            } else if (rest.startsWith("value.")) {
                out.put(top + rest.substring(5), value);
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    private static void putTag(ImportedRun.Builder out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.tag(key, value);
        }
    }
}
