package dev.cairn.store.model;

/**
 * The one rule for metric, param and tag keys, applied by the logging API, the store and so every importer: not
 * empty, at most {@value #MAX_LENGTH} characters, no control characters (tabs, line breaks, NUL…), no spaces at
 * either end (a key that differs from another only by a trailing space cannot be told apart in a table or a
 * filter).
 */
public final class Keys {
    /** The longest key accepted (MLflow's limit). */
    public static final int MAX_LENGTH = 250;

    private Keys() {
    }

    /**
     * Returns {@code key} when valid.
     *
     * @param kind "metric", "param" or "tag", for the message
     * @throws IllegalArgumentException saying what is wrong with the key
     */
    public static String requireValid(String kind, String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid " + kind + " key " + shown(key) + ": " + problem + ".");
        }
        return key;
    }

    /** Why {@code key} is not a valid key, or null when it is. */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "a key cannot be empty";
        }
        if (key.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return String.format("control character U+%04X at position %d", (int) key.charAt(i), i + 1);
            }
        }
        if (key.isBlank()) {
            return "a key cannot be only spaces";
        }
        if (!key.equals(key.strip())) {
            return "no spaces at the start or end";
        }
        return null;
    }

    private static String shown(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < Math.min(key.length(), 60); i++) {
            char c = key.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append(key.length() > 60 ? "…'" : "'").toString();
    }
}
