package dev.cairn.app.serve;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.app.Version;
import dev.cairn.store.TrackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MLflow's tracking REST API on a Cairn store, served by the JDK's {@code HttpServer} with a fixed pool of request
 * threads (see docs/decisions/0009-tracking-server.md). Every request is answered from the store: once a request is
 * answered its data is committed (concurrent logging requests share transactions: {@link GroupCommit}).
 *
 * <pre>{@code
 * try (TrackingServer server = TrackingServer.start(store, ServeOptions.loopback(5000, artifactRoot))) {
 *     System.out.println("export MLFLOW_TRACKING_URI=" + server.uri());
 * }
 * }</pre>
 */
public final class TrackingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingServer.class);
    /** How long {@link #close()} lets requests in flight finish. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final HttpServer http;
    private final ExecutorService pool;
    private final URI uri;
    private volatile boolean stopped;

    private final Router router;
    private final GroupCommit commits;

    private TrackingServer(HttpServer http, ExecutorService pool, URI uri, Router router, GroupCommit commits) {
        this.router = router;
        this.commits = commits;
        this.http = http;
        this.pool = pool;
        this.uri = uri;
    }

    /**
     * Starts a server on {@code store}. Refuses (IllegalArgumentException) a non-loopback host without a token;
     * fails with an UncheckedIOException naming the address when it cannot bind.
     */
    public static TrackingServer start(TrackingStore store, ServeOptions options) {
        if (!options.loopbackOnly() && (options.token() == null || options.token().length == 0)) {
            throw new IllegalArgumentException("Refusing to serve on " + options.host() + " without a token: any "
                    + "address other than 127.0.0.1 needs --token-file (clients send it as MLFLOW_TRACKING_TOKEN).");
        }
        ServeContext ctx = new ServeContext(store, options.artifactRoot());
        ctx.artifacts().create();
        ArtifactsProxy proxy = new ArtifactsProxy(ctx.artifacts(), options.maxUploadBytes());
        String version = Version.get();
        Router router = new Router(options, proxy, version);
        new ExperimentHandlers(ctx).register(router);
        new RunHandlers(ctx, version).register(router);
        GroupCommit commits = new GroupCommit(store);
        new RunLogging(ctx, commits).register(router);
        new MetricHandlers(ctx).register(router);
        new ArtifactListHandler(ctx, proxy).register(router);
        new RegistryHandlers(ctx).register(router);
        new VersionHandlers(ctx).register(router);


        // TCP_NODELAY: the JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs a
        // small answer waited ~40 ms (read once, when the JDK's server configuration is first loaded)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        } catch (IOException e) {
            commits.close();
            throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), threads());
        http.setExecutor(pool);
        http.createContext("/", router);
        http.start();
        InetSocketAddress bound = http.getAddress();
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        URI uri = URI.create("http://" + host + ":" + bound.getPort());
        LOG.info("Tracking server on {} for store {}", uri, store.location().describe());
        return new TrackingServer(http, pool, uri, router, commits);
    }

    /** The logging requests' group commit (for figures and tests). */
    GroupCommit commits() {
        return commits;
    }

    /** {@code http://host:port}, the value of MLFLOW_TRACKING_URI. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    /** Stops accepting connections and lets requests in flight finish (up to {@link #GRACE}). Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            if (!router.drain(GRACE.toMillis())) {
                LOG.warn("Tracking server on {}: requests still running after {} s; stopping anyway", uri,
                        GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commits.close();
        http.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Tracking server on {} stopped", uri);
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cairn-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
