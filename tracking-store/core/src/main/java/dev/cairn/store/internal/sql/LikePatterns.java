package dev.cairn.store.internal.sql;

/**
 * SQL LIKE patterns for SQLite. SQLite's LIKE ignores ASCII case, but MLflow's LIKE is case-sensitive, so LIKE is
 * run as GLOB with the pattern translated: {@code %} becomes {@code *}, {@code _} becomes {@code ?}, and GLOB's own
 * wildcards in the pattern are made literal ({@code [*]}, {@code [?]}, {@code [[]}). ILIKE uses SQLite's LIKE
 * (case folding of ASCII letters only).
 */
public final class LikePatterns {
    private LikePatterns() {
    }

    /** The GLOB pattern matching exactly what {@code likePattern} matches case-sensitively. */
    public static String toGlob(String likePattern) {
        StringBuilder out = new StringBuilder(likePattern.length() + 8);
        for (int i = 0; i < likePattern.length(); i++) {
            char c = likePattern.charAt(i);
            switch (c) {
                case '%' -> out.append('*');
                case '_' -> out.append('?');
                case '*' -> out.append("[*]");
                case '?' -> out.append("[?]");
                case '[' -> out.append("[[]");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
