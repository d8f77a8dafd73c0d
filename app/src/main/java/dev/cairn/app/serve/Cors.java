package dev.cairn.app.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * CORS, only when asked ({@code cairn serve --cors-allowed-origins}, MLflow's option name): a request from a listed
 * origin gets {@code Access-Control-Allow-Origin}, and its preflight is answered before the token check (browsers
 * send preflights without credentials). Without the option, or from another origin, no CORS header is sent and
 * preflights are refused, so browsers keep pages of other sites out.
 */
final class Cors {
    static final String ANY = "*";
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String DEFAULT_HEADERS = "Content-Type, Authorization";

    private Cors() {
    }

    /** {@code origin} normalised (lower case, no trailing slash), or an error naming it. */
    static String checkOrigin(String origin) {
        String o = origin == null ? "" : origin.strip();
        if (o.equals(ANY)) {
            return o;
        }
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        try {
            URI uri = new URI(o);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return o.toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new IllegalArgumentException("--cors-allowed-origins: '" + origin + "' is not an origin "
                + "(http[s]://host[:port]) or " + ANY + ".");
    }

    /**
     * Adds the CORS headers a request from an allowed origin gets, and answers its preflight.
     *
     * @return true when the request was a preflight and has been answered
     * @throws ApiException PERMISSION_DENIED (403) for a preflight from an origin not allowed
     */
    static boolean handle(HttpExchange exchange, List<String> allowed) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean preflight = exchange.getRequestMethod().equalsIgnoreCase("OPTIONS")
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
        if (origin == null) {
            return false;
        }
        if (!allows(allowed, origin)) {
            if (preflight) {
                throw new ApiException(ApiException.Code.PERMISSION_DENIED, 403, "Cross-origin requests from '"
                        + origin + "' are not allowed (cairn serve --cors-allowed-origins).");
            }
            return false;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        if (!preflight) {
            return false;
        }
        String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        headers.set("Access-Control-Allow-Methods", METHODS);
        headers.set("Access-Control-Allow-Headers", asked == null || asked.isBlank() ? DEFAULT_HEADERS : asked);
        headers.set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
        return true;
    }

    static boolean allows(List<String> allowed, String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return allowed.contains(ANY) || allowed.contains(o);
    }
}
