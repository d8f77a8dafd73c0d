package dev.cairn.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes requests to endpoints under {@code /api/2.0/mlflow/} and {@code /ajax-api/2.0/mlflow/}, the artifacts
 * proxy, {@code /health} and {@code /version}. Before any handler runs it checks the bearer token (when one is
 * configured), the Host header of a loopback server (no DNS rebinding), the body size and, for JSON bodies, the
 * content type (a browser page cannot send {@code application/json} across origins without CORS, which the server
 * grants only to the origins named by {@code --cors-allowed-origins}, see {@link Cors}). Errors are answered as
 * MLflow does: {@code {"error_code", "message"}} with MLflow's status.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String[] API_PREFIXES = {"/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/"};
    private static final String START = "cairn.serve.start";
    private static final long DISCARD_LIMIT = 64L << 20;
    static final String ARTIFACTS_PREFIX = "/api/2.0/mlflow-artifacts/artifacts";
    private static final String AJAX_ARTIFACTS_PREFIX = "/ajax-api/2.0/mlflow-artifacts/artifacts";
    private static final String[] ARTIFACTS_PREFIXES = {ARTIFACTS_PREFIX, AJAX_ARTIFACTS_PREFIX};

    private final Map<String, Map<String, Endpoint>> routes = new HashMap<>();
    /** Endpoints that read the body's bytes themselves ({@link ApiRequest#raw()}), by identity. */
    private final Set<Endpoint> raw = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final ServeOptions options;
    private final ArtifactsProxy artifacts;
    private final String version;
    private final boolean loopbackOnly;
    private final long[] inFlight = new long[1];
    private boolean stopping;

    Router(ServeOptions options, ArtifactsProxy artifacts, String version) {
        this.options = options;
        this.loopbackOnly = options.loopbackOnly();
        this.artifacts = artifacts;
        this.version = version;
    }

    /** Registers {@code endpoint} for {@code method} at {@code path} (relative to {@code /api/2.0/mlflow/}). */
    Router on(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /**
     * Registers an endpoint that decodes the JSON body's bytes itself ({@link ApiRequest#raw()}, content type and
     * size checked); its tree is parsed only if the endpoint asks for it. (The endpoint object is known by identity:
     * registered elsewhere too, it reads raw bodies there as well.)
     */
    Router onRaw(String method, String path, Endpoint endpoint) {
        raw.add(endpoint);
        return on(method, path, endpoint);
    }

    /**
     * Stops taking requests (new ones get 503) and waits up to {@code graceMs} for those in flight to finish.
     * The JDK's {@code HttpServer.stop(delay)} (before JDK 22) waits the whole delay even when idle, so the server
     * counts its requests itself.
     *
     * @return true when none is left running
     */
    boolean drain(long graceMs) throws InterruptedException {
        synchronized (inFlight) {
            stopping = true;
            long deadline = System.currentTimeMillis() + graceMs;
            while (inFlight[0] > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                inFlight.wait(left);
            }
            return true;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        synchronized (inFlight) {
            if (stopping) {
                exchange.close();
                return;
            }
            inFlight[0]++;
        }
        try {
            handleCounted(exchange);
        } finally {
            synchronized (inFlight) {
                inFlight[0]--;
                inFlight.notifyAll();
            }
        }
    }

    private void handleCounted(HttpExchange exchange) {
        exchange.setAttribute(START, System.nanoTime());
        String what = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        try (exchange) {
            try {
                dispatch(exchange);
            } catch (RuntimeException e) {
                ApiException api = ErrorMapping.map(e, what);
                sendError(exchange, api);
            }
        } catch (IOException e) {
            LOG.debug("{}: client went away: {}", what, e.toString());
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Security.checkHost(exchange, loopbackOnly);
        if (Cors.handle(exchange, options.corsOrigins())) {
            return;
        }
        if (path.equals("/health")) {
            sendText(exchange, 200, "OK");
            return;
        }
        Security.checkToken(exchange, options);
        if (path.equals("/version")) {
            sendText(exchange, 200, version);
            return;
        }
        for (String prefix : ARTIFACTS_PREFIXES) {
            if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                artifacts.handle(exchange, method, decodePath(path.substring(prefix.length())), query(exchange));
                return;
            }
        }
        for (String prefix : API_PREFIXES) {
            if (path.startsWith(prefix)) {
                api(exchange, method, path.substring(prefix.length()));
                return;
            }
        }
        throw new ApiException(ApiException.Code.ENDPOINT_NOT_FOUND, "No endpoint at " + path + ".");
    }

    private void api(HttpExchange exchange, String method, String endpoint) throws IOException {
        Map<String, Endpoint> byMethod = routes.get(endpoint);
        if (byMethod == null) {
            throw new ApiException(ApiException.Code.ENDPOINT_NOT_FOUND,
                    "No endpoint at /api/2.0/mlflow/" + endpoint + ".");
        }
        Endpoint handler = byMethod.get(method);
        if (handler == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
            throw new ApiException(ApiException.Code.BAD_REQUEST, 405, "Method " + method + " is not allowed on "
                    + endpoint + " (allowed: " + String.join(", ", byMethod.keySet()) + ").");
        }
        ApiRequest request;
        if (method.equals("GET")) {
            request = ApiRequest.ofQuery(query(exchange));
        } else if (raw.contains(handler)) {
            request = ApiRequest.ofRaw(jsonBytes(exchange));
        } else {
            request = ApiRequest.ofBody(parseObject(jsonBytes(exchange)));
        }
        JsonNode response = handler.handle(request);
        sendJson(exchange, 200, response);
    }

    /** The body's bytes; a body that is not empty must say {@code application/json}. */
    private byte[] jsonBytes(HttpExchange exchange) throws IOException {
        byte[] raw = readBody(exchange, options.maxBodyBytes());
        if (raw.length == 0) {
            return raw;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(ApiException.Code.BAD_REQUEST, "Bad Request. Content-Type must be "
                    + "application/json, was " + (type == null ? "missing" : "'" + type + "'") + ".");
        }
        return raw;
    }

    /** A JSON body as an object (an empty body is {@code {}}); BAD_REQUEST when malformed. */
    static ObjectNode parseObject(byte[] raw) {
        if (raw.length == 0) {
            return MlflowJson.object();
        }
        JsonNode node;
        try {
            node = MlflowJson.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiException.Code.BAD_REQUEST, "Malformed JSON request body at offset "
                    + e.getLocation().getCharOffset() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // Jackson guesses the encoding from the first bytes: leading NULs read as UTF-32 and fail to decode with
            // a CharConversionException, which must not pass for the client going away (that answered nothing)
            throw new ApiException(ApiException.Code.BAD_REQUEST, "Malformed JSON request body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return MlflowJson.object();
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.invalid("The request body must be a JSON object.");
        }
        return object;
    }

    /** Reads the whole body, refusing more than {@code limit} bytes with 413. */
    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new ApiException(ApiException.Code.BAD_REQUEST, "Invalid Content-Length '" + length + "'.");
            }
            if (declared > limit) {
                discard(exchange, declared);
                throw tooLarge(limit);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (declared >= 0) {
                // read straight into an array of the declared size (one copy, not buffers joined at the end)
                byte[] raw = new byte[(int) declared];
                int n = in.readNBytes(raw, 0, raw.length);
                return n == raw.length ? raw : java.util.Arrays.copyOf(raw, n);
            }
            byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (raw.length > limit) {
                throw tooLarge(limit);
            }
            return raw;
        }
    }

    /**
     * Reads and drops a refused body of up to 64 MB, so the client, still sending, gets to read the 413 (larger ones
     * are cut off with the connection).
     */
    static void discard(HttpExchange exchange, long declared) {
        if (declared > DISCARD_LIMIT) {
            return;
        }
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debug("discarding a refused body: {}", e.toString());
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(ApiException.Code.REQUEST_LIMIT_EXCEEDED, 413,
                "The request body is larger than the server's limit of " + limit + " bytes.");
    }

    static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = decode(eq < 0 ? part : part.substring(0, eq));
            String v = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** Decodes a path: a '+' is itself there (only in a query does it stand for a space). */
    private static String decodePath(String s) {
        return decode(s.replace("+", "%2B"));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_REQUEST, "Malformed URL encoding in '" + s + "'.");
        }
    }

    /**
     * Each request thread's answer buffer, kept between requests: a 1,000-run search page is 2 MB, and writing it
     * into a fresh array (Jackson's segments, then their copy) was a fifth of the page's allocation. A buffer grown
     * past {@link #KEPT_BUFFER} is dropped after use.
     */
    private static final ThreadLocal<Answer> ANSWERS = ThreadLocal.withInitial(Answer::new);
    private static final int KEPT_BUFFER = 4 << 20;

    /** A growable byte buffer whose array is written out as is. */
    private static final class Answer extends java.io.ByteArrayOutputStream {
        Answer() {
            super(64 << 10);
        }

        byte[] array() {
            return buf;
        }
    }

    /** The answer of every logging request, written without a Jackson generator. */
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body instanceof ObjectNode object && object.isEmpty()) {
            sendJson(exchange, status, EMPTY_OBJECT, EMPTY_OBJECT.length);
            return;
        }
        Answer answer = ANSWERS.get();
        answer.reset();
        try {
            MlflowJson.MAPPER.writeValue(answer, body);
            sendJson(exchange, status, answer.array(), answer.size());
        } finally {
            if (answer.array().length > KEPT_BUFFER) {
                ANSWERS.remove();
            }
        }
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] bytes, int length) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (exchange.getAttribute(START) instanceof Long start) {
            // the server's own time for the request: body read, parsed, stored, answer serialised
            exchange.getResponseHeaders().set("Server-Timing", serverTiming(System.nanoTime() - start));
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes, 0, length);
        }
    }

    /**
     * {@code app;dur=<ms>} with three decimals, as {@code String.format("app;dur=%.3f")} writes it (half up), without
     * a Formatter: it was a tenth of a small request's own work.
     */
    static String serverTiming(long nanos) {
        long micros = (Math.max(0, nanos) + 500) / 1000;
        long frac = micros % 1000;
        return "app;dur=" + micros / 1000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    static void sendError(HttpExchange exchange, ApiException e) throws IOException {
        ObjectNode body = MlflowJson.object();
        body.put("error_code", e.code().name());
        body.put("message", e.getMessage());
        if (e.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        sendJson(exchange, e.status(), body);
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
