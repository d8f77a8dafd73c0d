package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/** A plain HTTP client for the contract tests: JSON in, status and JSON out, as MLflow's REST clients send it. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    ApiClient(URI base) {
        this(base, null);
    }

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A response: HTTP status and the JSON body (null when not JSON). */
    record Reply(int status, JsonNode json, String text) {
        String errorCode() {
            return json == null || json.get("error_code") == null ? null : json.get("error_code").asText();
        }
    }

    Reply post(String endpoint, String jsonBody) {
        return send("POST", "/api/2.0/mlflow/" + endpoint, jsonBody);
    }

    Reply patch(String endpoint, String jsonBody) {
        return send("PATCH", "/api/2.0/mlflow/" + endpoint, jsonBody);
    }

    Reply delete(String endpoint, String jsonBody) {
        return send("DELETE", "/api/2.0/mlflow/" + endpoint, jsonBody);
    }

    /** GET with query parameters given as name, value, name, value... */
    Reply get(String endpoint, String... params) {
        StringJoiner q = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            q.add(URLEncoder.encode(params[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return send("GET", "/api/2.0/mlflow/" + endpoint + (params.length == 0 ? "" : "?" + q), null);
    }

    Reply send(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }
}
