package dev.cairn.store.model;

/**
 * Who wrote a run: the client or importer and its version, on which host, OS and Java, and (for imports) the
 * source the run came from.
 */
public record Provenance(String writer, String writerVersion, String host, String os, String javaVersion,
                         String sourceRef, long recordedMs) {

    /** Provenance for a writer running in this JVM now. */
    public static Provenance here(String writer, String writerVersion, String sourceRef) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new Provenance(writer, writerVersion, host,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.version"), sourceRef, System.currentTimeMillis());
    }
}
