package dev.cairn.plugin.bundle;

/**
 * The {@code .cairn.zip} layout, version 1:
 * <ul>
 *   <li>{@code cairn-bundle.json}: {@code {"format":"cairn-bundle","version":1,"createdMs":...,
 *       "experiments":[...],"runs":["<id>",...]}}, runs parents first</li>
 *   <li>{@code runs/<id>.json}: attributes, params, tags, inputs, artifact list, provenance</li>
 *   <li>{@code runs/<id>.series}: metric series, big-endian: {@code int count}, then per series
 *       {@code UTF key, int n, n x long step, n x long timestamp, n x long raw IEEE-754 value bits}, so NaN
 *       payloads and infinities survive bit for bit</li>
 * </ul>
 */
public final class BundleFormat {
    /** The manifest entry. */
    public static final String MANIFEST = "cairn-bundle.json";
    /** Value of the manifest's {@code format} field. */
    public static final String FORMAT = "cairn-bundle";
    /** Layout version written; readers accept this and older. */
    public static final int VERSION = 1;
    /** File name ending of bundles. */
    public static final String EXTENSION = ".cairn.zip";

    private BundleFormat() {
    }

    static String runEntry(String id) {
        return "runs/" + id + ".json";
    }

    static String seriesEntry(String id) {
        return "runs/" + id + ".series";
    }
}
