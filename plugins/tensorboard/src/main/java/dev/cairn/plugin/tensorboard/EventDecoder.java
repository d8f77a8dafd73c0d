package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.ProtoCursor;

import dev.cairn.store.model.RunStatus;

/**
 * Decodes TensorBoard {@code Event} records (tensorflow/core/util/event.proto, summary.proto, tensor.proto) by
 * hand into a {@link RunData}: scalars from {@code simple_value} and from single-value float/double/half tensors
 * (TF2), hyperparameters from the hparams plugin's {@code session_start_info}; images, histograms, audio,
 * graphs and other plugin data are only counted. Reuses its cursors, so a record costs no allocation once its
 * tag has been seen.
 */
final class EventDecoder {
    // Event
    private static final int EVENT_WALL_TIME = 1;
    private static final int EVENT_STEP = 2;
    private static final int EVENT_GRAPH_DEF = 4;
    private static final int EVENT_SUMMARY = 5;
    private static final int EVENT_TAGGED_RUN_METADATA = 8;
    private static final int EVENT_META_GRAPH_DEF = 9;
    // Summary.Value
    private static final int VALUE_TAG = 1;
    private static final int VALUE_SIMPLE = 2;
    private static final int VALUE_IMAGE = 4;
    private static final int VALUE_HISTO = 5;
    private static final int VALUE_AUDIO = 6;
    private static final int VALUE_TENSOR = 8;
    private static final int VALUE_METADATA = 9;
    // TensorProto dtypes
    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;
    private static final int DT_HALF = 19;

    private final ProtoCursor event = new ProtoCursor();
    private final ProtoCursor summary = new ProtoCursor();
    private final ProtoCursor value = new ProtoCursor();
    private final ProtoCursor inner = new ProtoCursor();
    private final ProtoCursor deep = new ProtoCursor();
    private final HParamsDecoder hparams = new HParamsDecoder();
    private double scalar;

    /** Decodes one Event from {@code buf[from, to)} into {@code run}. */
    void decode(byte[] buf, int from, int to, RunData run) {
        event.reset(buf, from, to);
        double wallTime = 0;
        long step = 0;
        int summaryFrom = -1;
        int summaryTo = -1;
        while (event.hasMore()) {
            int key = event.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == EVENT_WALL_TIME && wire == ProtoCursor.FIXED64) {
                wallTime = event.readDouble();
            } else if (field == EVENT_STEP && wire == ProtoCursor.VARINT) {
                step = event.readVarint();
            } else if (field == EVENT_SUMMARY && wire == ProtoCursor.LENGTH_DELIMITED) {
                summaryTo = event.readLengthEnd();
                summaryFrom = event.pos;
                event.pos = summaryTo;
            } else {
                if (field == EVENT_GRAPH_DEF || field == EVENT_META_GRAPH_DEF) {
                    run.skip("graphs");
                } else if (field == EVENT_TAGGED_RUN_METADATA) {
                    run.skip("run metadata");
                }
                event.skip(wire);
            }
        }
        long wallMs = Math.round(wallTime * 1000.0);
        run.records++;
        if (wallTime > 0) {
            run.wallTime(wallMs);
        }
        if (summaryFrom >= 0) {
            decodeSummary(buf, summaryFrom, summaryTo, step, wallMs, run);
        }
    }

    private void decodeSummary(byte[] buf, int from, int to, long step, long wallMs, RunData run) {
        summary.reset(buf, from, to);
        while (summary.hasMore()) {
            int key = summary.readKey();
            if (key >>> 3 == 1 && (key & 7) == ProtoCursor.LENGTH_DELIMITED) {
                int end = summary.readLengthEnd();
                decodeValue(buf, summary.pos, end, step, wallMs, run);
                summary.pos = end;
            } else {
                summary.skip(key & 7);
            }
        }
    }

    private void decodeValue(byte[] buf, int from, int to, long step, long wallMs, RunData run) {
        value.reset(buf, from, to);
        int tagFrom = -1;
        int tagTo = -1;
        int metaFrom = -1;
        int metaTo = -1;
        int tensorFrom = -1;
        int tensorTo = -1;
        boolean hasSimple = false;
        float simple = 0;
        String otherKind = null;
        while (value.hasMore()) {
            int key = value.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == VALUE_TAG && wire == ProtoCursor.LENGTH_DELIMITED) {
                tagTo = value.readLengthEnd();
                tagFrom = value.pos;
                value.pos = tagTo;
            } else if (field == VALUE_SIMPLE && wire == ProtoCursor.FIXED32) {
                simple = value.readFloat();
                hasSimple = true;
            } else if (field == VALUE_TENSOR && wire == ProtoCursor.LENGTH_DELIMITED) {
                tensorTo = value.readLengthEnd();
                tensorFrom = value.pos;
                value.pos = tensorTo;
            } else if (field == VALUE_METADATA && wire == ProtoCursor.LENGTH_DELIMITED) {
                metaTo = value.readLengthEnd();
                metaFrom = value.pos;
                value.pos = metaTo;
            } else {
                if (field == VALUE_IMAGE) {
                    otherKind = "images";
                } else if (field == VALUE_HISTO) {
                    otherKind = "histograms";
                } else if (field == VALUE_AUDIO) {
                    otherKind = "audio";
                }
                value.skip(wire);
            }
        }
        if (tagFrom < 0) {
            run.skip("untagged values");
            return;
        }
        TagTable.Tag tag = run.tags.intern(buf, tagFrom, tagTo);
        int contentFrom = -1;
        int contentTo = -1;
        int dataClass = 0;
        if (metaFrom >= 0) {
            inner.reset(buf, metaFrom, metaTo);
            while (inner.hasMore()) {
                int key = inner.readKey();
                if (key >>> 3 == 1 && (key & 7) == ProtoCursor.LENGTH_DELIMITED) {
                    int end = inner.readLengthEnd();
                    deep.reset(buf, inner.pos, end);
                    while (deep.hasMore()) {
                        int k = deep.readKey();
                        if (k >>> 3 == 1 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                            String plugin = deep.readString();
                            if (!plugin.isEmpty()) {
                                tag.plugin = plugin;
                            }
                        } else if (k >>> 3 == 2 && (k & 7) == ProtoCursor.LENGTH_DELIMITED) {
                            contentTo = deep.readLengthEnd();
                            contentFrom = deep.pos;
                            deep.pos = contentTo;
                        } else {
                            deep.skip(k & 7);
                        }
                    }
                    inner.pos = end;
                } else if (key >>> 3 == 4 && (key & 7) == ProtoCursor.VARINT) {
                    dataClass = (int) inner.readVarint();
                } else {
                    inner.skip(key & 7);
                }
            }
        }
        if ("hparams".equals(tag.plugin)) {
            if (contentFrom >= 0) {
                hparams.decode(buf, contentFrom, contentTo, run);
            }
            return;
        }
        if (hasSimple) {
            run.point(tag, step, wallMs, simple);
        } else if (otherKind != null) {
            run.skip(otherKind);
        } else if (tensorFrom >= 0) {
            boolean scalarPlugin = tag.plugin.isEmpty() || "scalars".equals(tag.plugin) || dataClass == 1;
            if (scalarPlugin && decodeScalarTensor(buf, tensorFrom, tensorTo)) {
                run.point(tag, step, wallMs, scalar);
            } else {
                run.skip(kindOf(tag.plugin));
            }
        } else {
            run.skip("empty values");
        }
    }

    private static String kindOf(String plugin) {
        return switch (plugin) {
            case "images" -> "images";
            case "histograms", "distributions" -> "histograms";
            case "audio" -> "audio";
            case "graph_keras_model", "graph_run_metadata", "graph_run_metadata_graph", "graph" -> "graphs";
            case "text" -> "text";
            case "", "scalars" -> "non-scalar tensors";
            default -> plugin + " plugin data";
        };
    }

    /** Reads a TensorProto holding exactly one float, double or half value into {@link #scalar}. */
    private boolean decodeScalarTensor(byte[] buf, int from, int to) {
        inner.reset(buf, from, to);
        int dtype = 0;
        long elements = 1;
        int count = 0;
        double found = 0;
        int contentFrom = -1;
        int contentTo = -1;
        while (inner.hasMore()) {
            int key = inner.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            switch (field) {
                case 1 -> {
                    if (wire != ProtoCursor.VARINT) {
                        return false;
                    }
                    dtype = (int) inner.readVarint();
                }
                case 2 -> {
                    if (wire != ProtoCursor.LENGTH_DELIMITED) {
                        return false;
                    }
                    int end = inner.readLengthEnd();
                    elements = shapeElements(buf, inner.pos, end);
                    inner.pos = end;
                }
                case 4 -> {
                    if (wire != ProtoCursor.LENGTH_DELIMITED) {
                        return false;
                    }
                    contentTo = inner.readLengthEnd();
                    contentFrom = inner.pos;
                    inner.pos = contentTo;
                }
                case 5 -> {
                    if (wire == ProtoCursor.LENGTH_DELIMITED) {
                        int end = inner.readLengthEnd();
                        while (inner.pos < end) {
                            found = inner.readFloat();
                            count++;
                        }
                    } else if (wire == ProtoCursor.FIXED32) {
                        found = inner.readFloat();
                        count++;
                    } else {
                        return false;
                    }
                }
                case 6 -> {
                    if (wire == ProtoCursor.LENGTH_DELIMITED) {
                        int end = inner.readLengthEnd();
                        while (inner.pos < end) {
                            found = inner.readDouble();
                            count++;
                        }
                    } else if (wire == ProtoCursor.FIXED64) {
                        found = inner.readDouble();
                        count++;
                    } else {
                        return false;
                    }
                }
                case 13 -> {
                    if (wire == ProtoCursor.LENGTH_DELIMITED) {
                        int end = inner.readLengthEnd();
                        while (inner.pos < end) {
                            found = halfToFloat((int) inner.readVarint());
                            count++;
                        }
                    } else if (wire == ProtoCursor.VARINT) {
                        found = halfToFloat((int) inner.readVarint());
                        count++;
                    } else {
                        return false;
                    }
                }
                default -> inner.skip(wire);
            }
        }
        if (elements != 1) {
            return false;
        }
        if (dtype != DT_FLOAT && dtype != DT_DOUBLE && dtype != DT_HALF) {
            return false;
        }
        if (contentFrom >= 0) {
            int len = contentTo - contentFrom;
            ProtoCursor c = deep.reset(buf, contentFrom, contentTo);
            if (dtype == DT_FLOAT && len == 4) {
                scalar = c.readFloat();
            } else if (dtype == DT_DOUBLE && len == 8) {
                scalar = c.readDouble();
            } else if (dtype == DT_HALF && len == 2) {
                scalar = halfToFloat((buf[contentFrom] & 0xff) | (buf[contentFrom + 1] & 0xff) << 8);
            } else {
                return false;
            }
            return true;
        }
        if (count == 1) {
            scalar = found;
            return true;
        }
        return false;
    }

    /** Number of elements of a TensorShapeProto (1 for a scalar; -1 for an unknown rank). */
    private long shapeElements(byte[] buf, int from, int to) {
        deep.reset(buf, from, to);
        long elements = 1;
        while (deep.hasMore()) {
            int key = deep.readKey();
            if (key >>> 3 == 2 && (key & 7) == ProtoCursor.LENGTH_DELIMITED) {
                int end = deep.readLengthEnd();
                long size = 0;
                while (deep.pos < end) {
                    int k = deep.readKey();
                    if (k >>> 3 == 1 && (k & 7) == ProtoCursor.VARINT) {
                        size = deep.readVarint();
                    } else {
                        deep.skip(k & 7);
                    }
                }
                elements *= size;
            } else if (key >>> 3 == 3 && (key & 7) == ProtoCursor.VARINT) {
                if (deep.readVarint() != 0) {
                    return -1;
                }
            } else {
                deep.skip(key & 7);
            }
        }
        return elements;
    }

    /** IEEE 754 half precision bits to float (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }

    /** Status named by an hparams SessionEndInfo status enum. */
    static RunStatus sessionStatus(int status) {
        return switch (status) {
            case 1 -> RunStatus.FINISHED;
            case 2 -> RunStatus.FAILED;
            case 3 -> RunStatus.RUNNING;
            default -> null;
        };
    }
}
