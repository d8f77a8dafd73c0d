package dev.cairn.plugin.wandb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.ProtoCursor;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the records of a W&B run log that Cairn uses, by field number from {@code wandb_internal.proto}:
 * {@code Record.history} (2), {@code .run} (17) and {@code .exit} (18); the others (output, stats, telemetry, files,
 * ...) are skipped.
 */
final class WandbRecords {
    static final int RECORD_HISTORY = 2;
    static final int RECORD_RUN = 17;
    static final int RECORD_EXIT = 18;

    private final ProtoCursor record = new ProtoCursor();
    private final ProtoCursor inner = new ProtoCursor();
    private final ProtoCursor item = new ProtoCursor();

    /** A history row: its items (key joined from nested keys with dots, value as JSON) and the row's step. */
    record History(List<Item> items, Long step) {
    }

    record Item(String key, JsonNode value) {
    }

    /** What a run record says (fields left empty stay null). */
    static final class RunInfo {
        String runId;
        String entity;
        String project;
        String group;
        String jobType;
        String displayName;
        String notes;
        final List<String> tags = new ArrayList<>();
        String host;
        Long startMs;
        String gitRemote;
        String gitCommit;
    }

    /** The exit record: exit code and runtime in seconds. */
    record Exit(int exitCode, int runtimeSeconds) {
    }

    interface Visitor {
        void history(History history);

        void run(RunInfo run);

        void exit(Exit exit);
    }

    /** Decodes one serialized Record; throws {@link ProtoCursor.MalformedProtoException} for bad bytes. */
    void decode(byte[] data, Visitor visitor) {
        ProtoCursor c = record.reset(data, 0, data.length);
        while (c.hasMore()) {
            int key = c.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (wire == ProtoCursor.LENGTH_DELIMITED && field == RECORD_HISTORY) {
                int end = c.readLengthEnd();
                visitor.history(history(data, c.pos, end));
                c.pos = end;
            } else if (wire == ProtoCursor.LENGTH_DELIMITED && field == RECORD_RUN) {
                int end = c.readLengthEnd();
                visitor.run(run(data, c.pos, end));
                c.pos = end;
            } else if (wire == ProtoCursor.LENGTH_DELIMITED && field == RECORD_EXIT) {
                int end = c.readLengthEnd();
                visitor.exit(exit(data, c.pos, end));
                c.pos = end;
            } else {
                c.skip(wire);
            }
        }
    }

    private History history(byte[] data, int from, int to) {
        ProtoCursor c = inner.reset(data, from, to);
        List<Item> items = new ArrayList<>();
        Long step = null;
        while (c.hasMore()) {
            int key = c.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 1 && wire == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                items.add(item(data, c.pos, end));
                c.pos = end;
            } else if (field == 2 && wire == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                ProtoCursor s = item.reset(data, c.pos, end);
                step = 0L;
                while (s.hasMore()) {
                    int k = s.readKey();
                    if (k >>> 3 == 1 && (k & 7) == ProtoCursor.VARINT) {
                        step = s.readVarint();
                    } else {
                        s.skip(k & 7);
                    }
                }
                c.pos = end;
            } else {
                c.skip(wire);
            }
        }
        return new History(items, step);
    }

    private Item item(byte[] data, int from, int to) {
        ProtoCursor c = item.reset(data, from, to);
        String key = null;
        List<String> nested = new ArrayList<>();
        String json = null;
        while (c.hasMore()) {
            int k = c.readKey();
            int field = k >>> 3;
            int wire = k & 7;
            if (wire == ProtoCursor.LENGTH_DELIMITED && field == 1) {
                key = c.readString();
            } else if (wire == ProtoCursor.LENGTH_DELIMITED && field == 2) {
                nested.add(c.readString());
            } else if (wire == ProtoCursor.LENGTH_DELIMITED && field == 16) {
                json = c.readString();
            } else {
                c.skip(wire);
            }
        }
        String name = key != null && !key.isEmpty() ? key : String.join(".", nested);
        JsonNode value = null;
        if (json != null) {
            try {
                value = JsonFiles.parseValue(json);
            } catch (JsonProcessingException e) {
                String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
                throw new ProtoCursor.MalformedProtoException("history item '" + name + "' is not JSON"
                        + (why.isBlank() ? "" : ": " + why.strip()));
            }
        }
        return new Item(name, value);
    }

    private RunInfo run(byte[] data, int from, int to) {
        ProtoCursor c = inner.reset(data, from, to);
        RunInfo run = new RunInfo();
        while (c.hasMore()) {
            int k = c.readKey();
            int field = k >>> 3;
            int wire = k & 7;
            if (wire != ProtoCursor.LENGTH_DELIMITED) {
                c.skip(wire);
                continue;
            }
            switch (field) {
                case 1 -> run.runId = blank(c.readString());
                case 2 -> run.entity = blank(c.readString());
                case 3 -> run.project = blank(c.readString());
                case 6 -> run.group = blank(c.readString());
                case 7 -> run.jobType = blank(c.readString());
                case 8 -> run.displayName = blank(c.readString());
                case 9 -> run.notes = blank(c.readString());
                case 10 -> run.tags.add(c.readString());
                case 13 -> run.host = blank(c.readString());
                case 17 -> {
                    int end = c.readLengthEnd();
                    run.startMs = timestamp(data, c.pos, end);
                    c.pos = end;
                }
                case 21 -> {
                    int end = c.readLengthEnd();
                    ProtoCursor g = item.reset(data, c.pos, end);
                    while (g.hasMore()) {
                        int gk = g.readKey();
                        if (gk >>> 3 == 1 && (gk & 7) == ProtoCursor.LENGTH_DELIMITED) {
                            run.gitRemote = blank(g.readString());
                        } else if (gk >>> 3 == 2 && (gk & 7) == ProtoCursor.LENGTH_DELIMITED) {
                            run.gitCommit = blank(g.readString());
                        } else {
                            g.skip(gk & 7);
                        }
                    }
                    c.pos = end;
                }
                default -> c.skip(wire);
            }
        }
        return run;
    }

    private Long timestamp(byte[] data, int from, int to) {
        ProtoCursor t = item.reset(data, from, to);
        long seconds = 0;
        long nanos = 0;
        while (t.hasMore()) {
            int k = t.readKey();
            if (k >>> 3 == 1 && (k & 7) == ProtoCursor.VARINT) {
                seconds = t.readVarint();
            } else if (k >>> 3 == 2 && (k & 7) == ProtoCursor.VARINT) {
                nanos = t.readVarint();
            } else {
                t.skip(k & 7);
            }
        }
        return seconds * 1000 + nanos / 1_000_000;
    }

    private Exit exit(byte[] data, int from, int to) {
        ProtoCursor c = inner.reset(data, from, to);
        int code = 0;
        int runtime = 0;
        while (c.hasMore()) {
            int k = c.readKey();
            if (k >>> 3 == 1 && (k & 7) == ProtoCursor.VARINT) {
                code = (int) c.readVarint();
            } else if (k >>> 3 == 2 && (k & 7) == ProtoCursor.VARINT) {
                runtime = (int) c.readVarint();
            } else {
                c.skip(k & 7);
            }
        }
        return new Exit(code, runtime);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
