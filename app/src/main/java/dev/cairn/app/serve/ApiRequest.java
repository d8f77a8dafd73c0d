package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API request's arguments: the JSON body of a POST, PATCH or DELETE, or the query parameters of a GET (as MLflow's
 * clients send them). Accessors validate as MLflow's handlers do and fail with INVALID_PARAMETER_VALUE.
 */
public final class ApiRequest {
    private ObjectNode body;
    private final byte[] raw;
    private final Map<String, List<String>> query;

    private ApiRequest(ObjectNode body, byte[] raw, Map<String, List<String>> query) {
        this.body = body;
        this.raw = raw;
        this.query = query;
    }

    /** Arguments from a JSON object body. */
    public static ApiRequest ofBody(ObjectNode body) {
        return new ApiRequest(body, null, Map.of());
    }

    /**
     * Arguments from a JSON body as received (its content type checked), parsed into a tree on first use: an
     * endpoint that decodes the bytes itself ({@link #raw()}) never builds the tree. A body that is not a JSON object
     * fails on first use as {@link #ofBody} would have.
     */
    static ApiRequest ofRaw(byte[] raw) {
        return new ApiRequest(null, raw, Map.of());
    }

    /** Arguments from query parameters. */
    public static ApiRequest ofQuery(Map<String, List<String>> query) {
        return new ApiRequest(null, null, query);
    }

    /** The body's bytes as received, for a request made by {@link #ofRaw}; null otherwise. */
    byte[] raw() {
        return raw;
    }

    /** The body's tree: parsed now if it came raw; null for query parameters. */
    private ObjectNode tree() {
        if (body == null && raw != null) {
            body = Router.parseObject(raw);
        }
        return body;
    }

    /** The JSON body (an empty object for a GET). */
    public ObjectNode body() {
        ObjectNode tree = tree();
        return tree != null ? tree : JsonNodeFactory.instance.objectNode();
    }

    /** A string argument, or null when absent. */
    public String string(String name) {
        ObjectNode tree = tree();
        if (tree != null) {
            JsonNode n = tree.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isContainerNode()) {
                throw ApiException.invalid("Invalid value " + n + " for parameter '" + name
                        + "' supplied. Hint: Value was of type " + (n.isArray() ? "list" : "dict") + ".");
            }
            return n.asText();
        }
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first of several names present (MLflow accepts {@code run_id} and the older {@code run_uuid}). */
    public String string(String name, String alternative) {
        String v = string(name);
        return v != null && !v.isEmpty() ? v : string(alternative);
    }

    /** A required, non-empty string argument. */
    public String required(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw missing(name);
        }
        return v;
    }

    /** A required argument under either of two names. */
    public String required(String name, String alternative) {
        String v = string(name, alternative);
        if (v == null || v.isEmpty()) {
            throw missing(name);
        }
        return v;
    }

    /** A long argument, or {@code fallback} when absent. */
    public long longValue(String name, long fallback) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Invalid value '" + v + "' for parameter '" + name
                    + "' supplied: expected an integer.");
        }
    }

    /** A Long argument, or null when absent. */
    public Long longOrNull(String name) {
        String v = string(name);
        return v == null || v.isEmpty() ? null : longValue(name, 0);
    }

    /** A boolean argument ({@code true}/{@code false}), or {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("Invalid value '" + v + "' for parameter '" + name
                    + "' supplied: expected true or false.");
        };
    }

    /** A list of strings (a JSON array, or a repeated query parameter); empty when absent. */
    public List<String> strings(String name) {
        ObjectNode tree = tree();
        if (tree != null) {
            JsonNode n = tree.get(name);
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isArray()) {
                throw ApiException.invalid("Invalid value " + n + " for parameter '" + name
                        + "' supplied: expected a list.");
            }
            n.forEach(e -> out.add(e.asText()));
            return out;
        }
        return query.getOrDefault(name, List.of());
    }

    /** An array of objects in the body; empty when absent. */
    public List<JsonNode> objects(String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode n = body().get(name);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw ApiException.invalid("Invalid value " + n + " for parameter '" + name
                    + "' supplied: expected a list.");
        }
        for (JsonNode e : n) {
            if (!e.isObject()) {
                throw ApiException.invalid("Invalid value " + e + " in parameter '" + name
                        + "': expected an object.");
            }
            out.add(e);
        }
        return out;
    }

    /** MLflow's message for a missing required parameter. */
    public static ApiException missing(String name) {
        return ApiException.invalid("Missing value for required parameter '" + name + "'. See the API docs for more "
                + "information about request parameters.");
    }
}
