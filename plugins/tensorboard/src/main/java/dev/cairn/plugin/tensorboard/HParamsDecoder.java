package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.ProtoCursor;

import dev.cairn.store.model.RunStatus;

/**
 * Decodes the hparams plugin's {@code HParamsPluginData} (tensorboard/plugins/hparams/plugin_data.proto):
 * {@code session_start_info.hparams} (a map of {@code google.protobuf.Value}) become params, the session's group
 * name a tag, {@code session_end_info.status} the run status. The {@code experiment} message only declares the
 * hyperparameter domains of a whole tuning session; it is noted, not imported.
 */
final class HParamsDecoder {
    private static final int DATA_EXPERIMENT = 2;
    private static final int DATA_SESSION_START = 3;
    private static final int DATA_SESSION_END = 4;

    private final ProtoCursor cursor = new ProtoCursor();

    void decode(byte[] buf, int from, int to, RunData run) {
        ProtoCursor c = cursor.reset(buf, from, to);
        while (c.hasMore()) {
            int key = c.readKey();
            int field = key >>> 3;
            if ((key & 7) != ProtoCursor.LENGTH_DELIMITED) {
                c.skip(key & 7);
                continue;
            }
            int end = c.readLengthEnd();
            switch (field) {
                case DATA_EXPERIMENT -> run.hparamsExperiment = true;
                case DATA_SESSION_START -> sessionStart(new ProtoCursor().reset(buf, c.pos, end), run);
                case DATA_SESSION_END -> sessionEnd(new ProtoCursor().reset(buf, c.pos, end), run);
                default -> { }
            }
            c.pos = end;
        }
    }

    private void sessionStart(ProtoCursor c, RunData run) {
        while (c.hasMore()) {
            int key = c.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 1 && wire == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                ProtoCursor entry = new ProtoCursor().reset(c.buf, c.pos, end);
                String name = null;
                String value = null;
                while (entry.hasMore()) {
                    int k = entry.readKey();
                    if (k >>> 3 == 1 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                        name = entry.readString();
                    } else if (k >>> 3 == 2 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                        int vEnd = entry.readLengthEnd();
                        value = renderValue(new ProtoCursor().reset(c.buf, entry.pos, vEnd), false);
                        entry.pos = vEnd;
                    } else {
                        entry.skip(k & 7);
                    }
                }
                if (name != null) {
                    run.params.put(name, value == null ? "" : value);
                }
                c.pos = end;
            } else if (field == 4 && wire == ProtoCursor.LENGTH_DELIMITED) {
                String group = c.readString();
                if (!group.isEmpty()) {
                    run.group = group;
                }
            } else if (field == 5 && wire == ProtoCursor.FIXED64) {
                double secs = c.readDouble();
                if (secs > 0) {
                    run.wallTime(Math.round(secs * 1000.0));
                }
            } else {
                c.skip(wire);
            }
        }
    }

    private void sessionEnd(ProtoCursor c, RunData run) {
        while (c.hasMore()) {
            int key = c.readKey();
            if (key >>> 3 == 1 && (key & 7) == ProtoCursor.VARINT) {
                RunStatus status = EventDecoder.sessionStatus((int) c.readVarint());
                if (status != null) {
                    run.status = status;
                }
            } else if (key >>> 3 == 2 && (key & 7) == ProtoCursor.FIXED64) {
                double secs = c.readDouble();
                if (secs > 0) {
                    run.wallTime(Math.round(secs * 1000.0));
                }
            } else {
                c.skip(key & 7);
            }
        }
    }

    /**
     * Renders a google.protobuf.Value: numbers without a trailing ".0" when integral, strings as they are (quoted
     * inside lists and structs, which become JSON text).
     */
    private static String renderValue(ProtoCursor c, boolean nested) {
        String out = nested ? "null" : "";
        while (c.hasMore()) {
            int key = c.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 2 && wire == ProtoCursor.FIXED64) {
                out = number(c.readDouble());
            } else if (field == 3 && wire == ProtoCursor.LENGTH_DELIMITED) {
                String s = c.readString();
                out = nested ? quote(s) : s;
            } else if (field == 4 && wire == ProtoCursor.VARINT) {
                out = c.readVarint() != 0 ? "true" : "false";
            } else if (field == 5 && wire == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                out = renderStruct(new ProtoCursor().reset(c.buf, c.pos, end));
                c.pos = end;
            } else if (field == 6 && wire == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                out = renderList(new ProtoCursor().reset(c.buf, c.pos, end));
                c.pos = end;
            } else {
                c.skip(wire);
            }
        }
        return out;
    }

    private static String renderList(ProtoCursor c) {
        StringBuilder sb = new StringBuilder("[");
        while (c.hasMore()) {
            int key = c.readKey();
            if (key >>> 3 == 1 && (key & 7) == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(renderValue(new ProtoCursor().reset(c.buf, c.pos, end), true));
                c.pos = end;
            } else {
                c.skip(key & 7);
            }
        }
        return sb.append(']').toString();
    }

    private static String renderStruct(ProtoCursor c) {
        StringBuilder sb = new StringBuilder("{");
        while (c.hasMore()) {
            int key = c.readKey();
            if (key >>> 3 == 1 && (key & 7) == ProtoCursor.LENGTH_DELIMITED) {
                int end = c.readLengthEnd();
                ProtoCursor entry = new ProtoCursor().reset(c.buf, c.pos, end);
                String name = "";
                String value = "null";
                while (entry.hasMore()) {
                    int k = entry.readKey();
                    if (k >>> 3 == 1 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                        name = entry.readString();
                    } else if (k >>> 3 == 2 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                        int vEnd = entry.readLengthEnd();
                        value = renderValue(new ProtoCursor().reset(c.buf, entry.pos, vEnd), true);
                        entry.pos = vEnd;
                    } else {
                        entry.skip(k & 7);
                    }
                }
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(quote(name)).append(": ").append(value);
                c.pos = end;
            } else {
                c.skip(key & 7);
            }
        }
        return sb.append('}').toString();
    }

    static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
