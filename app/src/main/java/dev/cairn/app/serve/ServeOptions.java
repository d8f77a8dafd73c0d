package dev.cairn.app.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a tracking server runs.
 *
 * @param host          address to bind (127.0.0.1 by default; any other needs a token)
 * @param port          TCP port (0: any free one)
 * @param artifactRoot  folder of the mlflow-artifacts proxy
 * @param token         the bearer token clients must send, or null (loopback only)
 * @param threads       request threads
 * @param maxBodyBytes  largest JSON request body accepted
 * @param maxUploadBytes largest artifact upload accepted
 * @param corsOrigins   web origins granted CORS ({@code scheme://host[:port]}, or {@code *} for any); empty: none
 */
public record ServeOptions(String host, int port, Path artifactRoot, byte[] token, int threads, long maxBodyBytes,
                           long maxUploadBytes, List<String> corsOrigins) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5000;
    /** Request threads: writes are serialised by the store, so more threads only queue on its lock. */
    public static final int DEFAULT_THREADS = 16;
    /** Largest JSON body: a full log-batch is at most about 1 MB in MLflow; 16 MB leaves room for big searches. */
    public static final long DEFAULT_MAX_BODY = 16L << 20;
    /** Largest artifact upload (streamed to disk, never held in memory). */
    public static final long DEFAULT_MAX_UPLOAD = 4L << 30;

    public ServeOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port + ".");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Loopback on {@code port}, no token, defaults otherwise. */
    public static ServeOptions loopback(int port, Path artifactRoot) {
        return new ServeOptions(DEFAULT_HOST, port, artifactRoot, null, DEFAULT_THREADS, DEFAULT_MAX_BODY,
                DEFAULT_MAX_UPLOAD, List.of());
    }

    public ServeOptions withToken(String newToken) {
        byte[] bytes = newToken == null ? null : newToken.getBytes(StandardCharsets.UTF_8);
        return new ServeOptions(host, port, artifactRoot, bytes, threads, maxBodyBytes, maxUploadBytes,
                corsOrigins);
    }

    public ServeOptions withHost(String newHost) {
        return new ServeOptions(newHost, port, artifactRoot, token, threads, maxBodyBytes, maxUploadBytes,
                corsOrigins);
    }

    public ServeOptions withLimits(long newMaxBody, long newMaxUpload) {
        return new ServeOptions(host, port, artifactRoot, token, threads, newMaxBody, newMaxUpload, corsOrigins);
    }

    /**
     * Grants CORS to these web origins (each {@code scheme://host[:port]}, or {@code *} for any); a malformed one is
     * an {@link IllegalArgumentException} naming it.
     */
    public ServeOptions withCorsOrigins(List<String> origins) {
        List<String> checked = new ArrayList<>();
        for (String origin : origins) {
            checked.add(Cors.checkOrigin(origin));
        }
        return new ServeOptions(host, port, artifactRoot, token, threads, maxBodyBytes, maxUploadBytes, checked);
    }

    /** True when {@code host} is a loopback address (127.0.0.0/8, ::1, localhost). */
    public boolean loopbackOnly() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown --host '" + host + "'.");
        }
    }
}
