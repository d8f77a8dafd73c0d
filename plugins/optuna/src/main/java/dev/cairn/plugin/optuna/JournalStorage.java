package dev.cairn.plugin.optuna;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays an Optuna {@code JournalFileStorage} log (one JSON operation a line, several workers appending to one
 * file) in order, as Optuna's own replay does for operations of other workers: a second {@code create_study} of a
 * name is ignored, trial ids are counted over the file, numbers per study, operations on unknown or finished
 * trials are ignored. A torn last line (a worker still writing) is left out with a warning; a broken line before
 * the end fails the file with its line number. Operation codes are those of Optuna 3.1 and later.
 */
final class JournalStorage {
    private static final int CREATE_STUDY = 0;
    private static final int DELETE_STUDY = 1;
    private static final int SET_STUDY_USER_ATTR = 2;
    private static final int SET_STUDY_SYSTEM_ATTR = 3;
    private static final int CREATE_TRIAL = 4;
    private static final int SET_TRIAL_PARAM = 5;
    private static final int SET_TRIAL_STATE_VALUES = 6;
    private static final int SET_TRIAL_INTERMEDIATE_VALUE = 7;
    private static final int SET_TRIAL_USER_ATTR = 8;
    private static final String[] STATES = {"RUNNING", "COMPLETE", "PRUNED", "FAIL", "WAITING"};
    private static final String[] DIRECTIONS = {"NOT_SET", "MINIMIZE", "MAXIMIZE"};

    private final Path file;
    private final Map<Integer, OptunaStudy> studies = new LinkedHashMap<>();
    private final List<OptunaStudy.Trial> trials = new ArrayList<>();
    private final Map<OptunaStudy.Trial, OptunaStudy> studyOf = new HashMap<>();
    private int nextStudyId;

    private JournalStorage(Path file) {
        this.file = file;
    }

    /** True when the first line of {@code file} is a journal operation (has {@code op_code} and {@code worker_id}). */
    static boolean isJournal(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int nl = head.indexOf('\n');
            String first = nl < 0 ? head : head.substring(0, nl);
            return first.startsWith("{") && first.contains("\"op_code\"") && first.contains("\"worker_id\"");
        } catch (IOException e) {
            return false;
        }
    }

    static List<OptunaStudy> read(Path file, ImportContext context) throws IOException, LogFileException {
        JournalStorage journal = new JournalStorage(file);
        journal.replay(context);
        return new ArrayList<>(journal.studies.values());
    }

    private void replay(ImportContext context) throws IOException, LogFileException {
        // lines are split as bytes and each handed to the JSON parser as bytes: a byte that is not UTF-8 is an error
        // naming its line (a decoding reader would fail with no line at all)
        byte[] bytes = Files.readAllBytes(file);
        int number = 0;
        for (int from = 0; from < bytes.length; ) {
            int nl = from;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            number++;
            byte[] line = java.util.Arrays.copyOfRange(bytes, from, nl);
            boolean last = nl + 1 >= bytes.length;
            from = nl + 1;
            if (isBlank(line)) {
                continue;
            }
            JsonNode op;
            try {
                op = JsonFiles.parse(file, line, number - 1);
            } catch (LogFileException e) {
                if (last) {
                    context.warn(e.getMessage() + " (torn last line left out)");
                    return;
                }
                throw e;
            }
            apply(op, number);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void apply(JsonNode op, int line) throws LogFileException {
        JsonNode code = op.get("op_code");
        if (code == null || !code.isInt()) {
            throw new LogFileException(file, line, "missing field 'op_code'");
        }
        switch (code.asInt()) {
            case CREATE_STUDY -> createStudy(op, line);
            case DELETE_STUDY -> studies.remove(op.path("study_id").asInt(-1));
            case SET_STUDY_USER_ATTR -> {
                OptunaStudy s = studies.get(op.path("study_id").asInt(-1));
                if (s != null) {
                    attrs(op.path("user_attr"), s.userAttrs);
                }
            }
            case SET_STUDY_SYSTEM_ATTR -> {
                OptunaStudy s = studies.get(op.path("study_id").asInt(-1));
                JsonNode names = op.path("system_attr").path("study:metric_names");
                if (s != null && names.isArray()) {
                    s.metricNames.clear();
                    names.forEach(n -> s.metricNames.add(n.asText()));
                }
            }
            case CREATE_TRIAL -> createTrial(op, line);
            case SET_TRIAL_PARAM -> {
                OptunaStudy.Trial t = updatable(op);
                if (t != null) {
                    String name = required(op, "param_name", line).asText();
                    t.params.put(name, new OptunaStudy.Param(JsonFiles.number(
                            required(op, "param_value_internal", line), file, line, "param_value_internal"),
                            required(op, "distribution", line).asText()));
                }
            }
            case SET_TRIAL_STATE_VALUES -> setState(op, line);
            case SET_TRIAL_INTERMEDIATE_VALUE -> {
                OptunaStudy.Trial t = updatable(op);
                if (t != null) {
                    t.intermediate.put(JsonFiles.integer(required(op, "step", line), file, line, "step"),
                            JsonFiles.number(op.get("intermediate_value"), file, line, "intermediate_value"));
                }
            }
            case SET_TRIAL_USER_ATTR -> {
                OptunaStudy.Trial t = updatable(op);
                if (t != null) {
                    attrs(op.path("user_attr"), t.userAttrs);
                }
            }
            default -> {
                // system attributes (9) and operations of later versions carry nothing Cairn keeps
            }
        }
    }

    private void createStudy(JsonNode op, int line) throws LogFileException {
        String name = required(op, "study_name", line).asText();
        if (studies.values().stream().anyMatch(s -> s.name.equals(name))) {
            return;
        }
        OptunaStudy study = new OptunaStudy(name);
        for (JsonNode d : op.path("directions")) {
            int i = d.asInt();
            study.directions.add(i >= 0 && i < DIRECTIONS.length ? DIRECTIONS[i] : Integer.toString(i));
        }
        studies.put(nextStudyId++, study);
    }

    private void createTrial(JsonNode op, int line) throws LogFileException {
        OptunaStudy study = studies.get(required(op, "study_id", line).asInt());
        if (study == null) {
            return;
        }
        OptunaStudy.Trial t = new OptunaStudy.Trial(study.trials.size());
        t.state = state(op.path("state").asInt(0), line);
        t.startMs = JsonFiles.isoMillis(op.path("datetime_start").asText(null));
        t.completeMs = JsonFiles.isoMillis(op.path("datetime_complete").asText(null));
        JsonNode dists = op.path("distributions");
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            t.params.put(p.getKey(), new OptunaStudy.Param(JsonFiles.number(p.getValue(), file, line,
                    "params." + p.getKey()), dists.path(p.getKey()).asText()));
        }
        attrs(op.path("user_attrs"), t.userAttrs);
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("intermediate_values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            t.intermediate.put(step(v.getKey(), line), JsonFiles.number(v.getValue(), file, line,
                    "intermediate_values." + v.getKey()));
        }
        if (op.path("values").isArray()) {
            for (JsonNode v : op.get("values")) {
                t.values.add(JsonFiles.number(v, file, line, "values"));
            }
        } else if (op.path("value").isNumber()) {
            t.values.add(op.get("value").asDouble());
        }
        trials.add(t);
        study.trials.add(t);
        studyOf.put(t, study);
    }

    private void setState(JsonNode op, int line) throws LogFileException {
        OptunaStudy.Trial t = updatable(op);
        if (t == null) {
            return;
        }
        String state = state(required(op, "state", line).asInt(), line);
        if (state.equals("RUNNING") && t.state.equals("RUNNING")) {
            return;
        }
        if (state.equals("RUNNING")) {
            t.startMs = JsonFiles.isoMillis(op.path("datetime_start").asText(null));
        }
        t.state = state;
        if (t.isFinished()) {
            t.completeMs = JsonFiles.isoMillis(op.path("datetime_complete").asText(null));
        }
        if (op.path("values").isArray()) {
            t.values = new ArrayList<>();
            for (JsonNode v : op.get("values")) {
                t.values.add(JsonFiles.number(v, file, line, "values"));
            }
        }
    }

    /** The trial an operation names, when it exists and is not finished (Optuna ignores the operation otherwise). */
    private OptunaStudy.Trial updatable(JsonNode op) {
        int id = op.path("trial_id").asInt(-1);
        if (id < 0 || id >= trials.size()) {
            return null;
        }
        OptunaStudy.Trial t = trials.get(id);
        return t.isFinished() || !studies.containsValue(studyOf.get(t)) ? null : t;
    }

    private String state(int code, int line) throws LogFileException {
        if (code < 0 || code >= STATES.length) {
            throw new LogFileException(file, line, "unknown trial state " + code);
        }
        return STATES[code];
    }

    private JsonNode required(JsonNode op, String field, int line) throws LogFileException {
        JsonNode v = op.get(field);
        if (v == null || v.isNull()) {
            throw new LogFileException(file, line, "operation " + op.path("op_code").asInt()
                    + " has no field '" + field + "'");
        }
        return v;
    }

    private static void attrs(JsonNode attrs, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            into.put(a.getKey(), JsonFiles.text(a.getValue()));
        }
    }

    private long step(String key, int line) throws LogFileException {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new LogFileException(file, line, "intermediate value at step '" + key + "': not a whole number");
        }
    }
}
