package dev.cairn.app.serve;

import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base of the contract tests: a real SQLite store in a temp folder, a real server on a free loopback port. */
abstract class ServerFixture {
    @TempDir
    Path dir;
    TrackingStore store;
    TrackingServer server;
    ApiClient api;

    @BeforeEach
    void startServer() {
        store = TrackingStore.open(dir.resolve("s.db"));
        server = TrackingServer.start(store, options());
        api = new ApiClient(server.uri());
    }

    ServeOptions options() {
        return ServeOptions.loopback(0, dir.resolve("artifacts"));
    }

    @AfterEach
    void stopServer() {
        server.close();
        store.close();
    }

    /** Creates a run in experiment 0 and returns its id. */
    String newRun() {
        ApiClient.Reply r = api.post("runs/create", "{\"experiment_id\": \"0\", \"start_time\": 1000}");
        return r.json().at("/run/info/run_id").asText();
    }
}
