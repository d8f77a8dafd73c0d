package dev.cairn.app.serve;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.server.TrackingServerControl;

import java.net.URI;
import java.nio.file.Path;

/**
 * The window's View → Tracking server…: a loopback {@link TrackingServer} on the window's open store, with the
 * artifact root beside a store file ({@code <store>-artifacts}) or, for a team store, in the user's Cairn folder.
 * Registered for {@link java.util.ServiceLoader} in META-INF/services.
 */
public final class DesktopServerControl implements TrackingServerControl {

    @Override
    public Running start(TrackingStore store, int port) {
        TrackingServer server = TrackingServer.start(store, ServeOptions.loopback(port, artifactRoot(store.location())));
        return new Running() {
            @Override
            public URI uri() {
                return server.uri();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** {@code <store file>-artifacts}, or {@code server-artifacts} beside the per-user default store. */
    public static Path artifactRoot(StoreLocation location) {
        if (location instanceof StoreLocation.SqliteFile file) {
            Path p = file.path().toAbsolutePath();
            return p.resolveSibling(p.getFileName() + "-artifacts");
        }
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("CAIRN_STORE");
        Path defaultStore = dev.cairn.app.StoreLocator.resolve(null, env) instanceof StoreLocation.SqliteFile f
                ? f.path().toAbsolutePath() : Path.of("cairn.db").toAbsolutePath();
        return defaultStore.resolveSibling("server-artifacts");
    }
}
