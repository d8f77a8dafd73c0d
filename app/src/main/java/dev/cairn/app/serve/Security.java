package dev.cairn.app.serve;

import com.sun.net.httpserver.HttpExchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** The server's request checks: bearer token in constant time, Host header of a loopback server. */
final class Security {
    private Security() {
    }

    /** Refuses a request without {@code Authorization: Bearer <token>} when the server has a token. */
    static void checkToken(HttpExchange exchange, ServeOptions options) {
        if (options.token() == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // MessageDigest.isEqual takes the same time whatever bytes differ (it still reveals the length)
        if (!MessageDigest.isEqual(given, options.token())) {
            throw new ApiException(ApiException.Code.UNAUTHENTICATED, 401,
                    "Missing or wrong bearer token (set MLFLOW_TRACKING_TOKEN).");
        }
    }

    /**
     * A server on loopback answers only requests addressed to a loopback name, so a web page cannot reach it
     * through a DNS name rebound to 127.0.0.1.
     */
    static void checkHost(HttpExchange exchange, boolean loopbackOnly) {
        if (!loopbackOnly) {
            return;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (!(name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]")
                || name.endsWith(".localhost"))) {
            throw new ApiException(ApiException.Code.PERMISSION_DENIED, 403, "Host '" + host
                    + "' is not this loopback server.");
        }
    }
}
