package dev.cairn.viewer.server;

import dev.cairn.store.TrackingStore;

import java.net.URI;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts MLflow-compatible tracking servers on a store. The app provides the implementation (the viewer does not
 * know the server), found with {@link ServiceLoader}.
 */
public interface TrackingServerControl {

    /** A running server; closing it lets requests in flight finish, then stops it. */
    interface Running extends AutoCloseable {
        /** The value of MLFLOW_TRACKING_URI. */
        URI uri();

        @Override
        void close();
    }

    /** Starts a loopback server on {@code store} at {@code port} (0: any free port). Blocks until it listens. */
    Running start(TrackingStore store, int port);

    /** The implementation on the class path, if any. */
    static Optional<TrackingServerControl> find() {
        return ServiceLoader.load(TrackingServerControl.class, TrackingServerControl.class.getClassLoader())
                .findFirst();
    }
}
