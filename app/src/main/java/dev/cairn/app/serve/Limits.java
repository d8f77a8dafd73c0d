package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * MLflow's limits (mlflow/utils/validation.py): keys up to 250 characters, param values up to 6,000, tag values up
 * to 8,000; a log-batch carries at most 1,000 metrics, 100 params, 100 tags and 1,000 entities in all.
 */
final class Limits {
    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;
    static final int MAX_BATCH_METRICS = 1000;
    static final int MAX_BATCH_PARAMS_TAGS = 100;
    static final int MAX_BATCH_ENTITIES = 1000;

    private Limits() {
    }

    /** A non-empty key of at most 250 characters that does not resolve to another path. */
    static void checkKey(String key, String what) {
        if (key == null || key.isEmpty()) {
            throw ApiRequest.missing(what);
        }
        if (key.length() > MAX_KEY) {
            throw ApiException.invalid("'" + what + "' exceeds the maximum length of " + MAX_KEY
                    + " characters (got " + key.length() + ").");
        }
        if (key.startsWith("/") || key.contains("//") || key.equals(".") || key.equals("..")
                || key.startsWith("../") || key.contains("/../") || key.endsWith("/..") || key.startsWith("./")
                || key.contains("/./") || key.endsWith("/.") || key.endsWith("/")) {
            throw ApiException.invalid("Invalid value '" + key + "' for parameter '" + what + "': names may be "
                    + "treated as files in certain cases, and must not resolve to other names.");
        }
    }

    static void checkParamValue(String key, String value) {
        if (value.length() > MAX_PARAM_VALUE) {
            throw ApiException.invalid("Param value for key '" + key + "' exceeds the maximum length of "
                    + MAX_PARAM_VALUE + " characters (got " + value.length() + ").");
        }
    }

    static void checkTagValue(String key, String value) {
        if (value.length() > MAX_TAG_VALUE) {
            throw ApiException.invalid("Tag value for key '" + key + "' exceeds the maximum length of "
                    + MAX_TAG_VALUE + " characters (got " + value.length() + ").");
        }
    }

    /** The key of a {@code {"key", "value"}} tag object, checked. */
    static String tagKey(JsonNode tag) {
        JsonNode k = tag.get("key");
        String key = k == null || k.isNull() ? null : k.asText();
        checkKey(key, "key");
        return key;
    }

    /** The value of a {@code {"key", "value"}} tag object ("" when absent), checked. */
    static String tagValue(JsonNode tag, String key) {
        JsonNode v = tag.get("value");
        String value = v == null || v.isNull() ? "" : v.asText();
        checkTagValue(key, value);
        return value;
    }
}
