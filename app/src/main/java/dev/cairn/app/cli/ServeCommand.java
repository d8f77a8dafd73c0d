package dev.cairn.app.cli;

import dev.cairn.app.serve.DesktopServerControl;
import dev.cairn.app.serve.ServeOptions;
import dev.cairn.app.serve.TrackingServer;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.TrackingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cairn serve [--store S] [--host 127.0.0.1] [--port 5000] [--artifacts-root DIR] [--token-file F]
 * [--cors-allowed-origins O,...]}: MLflow's tracking REST API on the store, until Ctrl+C (requests in flight finish
 * first).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve MLflow's tracking REST API on the store, so MLflow clients log into it:",
            "  export MLFLOW_TRACKING_URI=http://127.0.0.1:5000",
            "Ctrl+C stops it; requests in flight finish first."})
public final class ServeCommand extends StoreCommand {
    @Option(names = "--host", defaultValue = ServeOptions.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs "
                + "--token-file.")
    String host;

    @Option(names = "--port", defaultValue = "5000", paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--artifacts-root", paramLabel = "DIR",
            description = "Folder of the mlflow-artifacts proxy (default: <store>-artifacts beside a store file, "
                + "else in the per-user data folder).")
    Path artifactsRoot;

    @Option(names = "--token-file", paramLabel = "F",
            description = "File holding the token clients must send (Authorization: Bearer, MLFLOW_TRACKING_TOKEN).")
    Path tokenFile;

    @Option(names = "--cors-allowed-origins", split = ",", paramLabel = "ORIGIN",
            description = "Web origins whose pages may call the API from a browser (CORS), comma-separated, e.g. "
                + "https://notebook.example:8888; * for any. Default: none.")
    List<String> corsOrigins = new ArrayList<>();

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        String token = tokenFile == null ? null : readToken(tokenFile);
        try (TrackingStore store = openStore(true)) {
            ServeOptions options = ServeOptions.loopback(port, artifactRoot(store.location()))
                    .withHost(host).withToken(token).withCorsOrigins(corsOrigins);
            TrackingServer server = TrackingServer.start(store, options);
            Thread hook = new Thread(() -> {
                server.close();
                store.close();
                stopped.countDown();
            }, "cairn-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out().println("Serving " + store.location().describe() + " on " + server.uri()
                    + " (artifacts in " + options.artifactRoot() + ")");
            out().println("export MLFLOW_TRACKING_URI=" + server.uri());
            out().flush();
            stopped.await();
            return 0;
        }
    }

    private Path artifactRoot(StoreLocation location) {
        return artifactsRoot != null ? artifactsRoot : DesktopServerControl.artifactRoot(location);
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty() || token.contains("\n")) {
                throw new IllegalArgumentException(file + ": the token file must hold one non-empty line.");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the token file " + file + ": " + e.getMessage());
        }
    }
}
