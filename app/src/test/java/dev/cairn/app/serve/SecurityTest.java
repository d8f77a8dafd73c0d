package dev.cairn.app.serve;

import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's defences over real HTTP: token, Host header, body limit, content type, no CORS. */
class SecurityTest extends ServerFixture {
    @TempDir
    Path other;

    @Override
    ServeOptions options() {
        return super.options().withLimits(64 * 1024, 1024);
    }

    @Test
    void nonLoopbackHostWithoutTokenRefusesToStart() {
        try (TrackingStore s = TrackingStore.open(other.resolve("o.db"))) {
            assertThatThrownBy(() -> TrackingServer.start(s, ServeOptions.loopback(0, other.resolve("a"))
                    .withHost("0.0.0.0")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--token-file");
        }
    }

    @Test
    void bearerTokenIsRequiredWhenConfigured() {
        try (TrackingStore s = TrackingStore.open(other.resolve("o.db"));
             TrackingServer guarded = TrackingServer.start(s, ServeOptions.loopback(0, other.resolve("a"))
                     .withToken("s3cret"))) {
            ApiClient anonymous = new ApiClient(guarded.uri());
            ApiClient wrong = new ApiClient(guarded.uri(), "s3cres");
            ApiClient right = new ApiClient(guarded.uri(), "s3cret");
            ApiClient.Reply denied = anonymous.get("experiments/get", "experiment_id", "0");
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.errorCode()).isEqualTo("UNAUTHENTICATED");
            assertThat(wrong.get("experiments/get", "experiment_id", "0").status()).isEqualTo(401);
            assertThat(anonymous.send("PUT", "/api/2.0/mlflow-artifacts/artifacts/x.txt", "{}").status())
                    .isEqualTo(401);
            assertThat(right.get("experiments/get", "experiment_id", "0").status()).isEqualTo(200);
            assertThat(anonymous.send("GET", "/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void foreignHostHeaderBodyLimitAndContentTypeAreRefused() throws Exception {
        HttpRequest rebound = HttpRequest.newBuilder(server.uri().resolve("/api/2.0/mlflow/experiments/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(api.send(rebound).status()).isEqualTo(200);
        // the JDK client will not let a test set Host; a raw request does
        String reply = RawHttp.exchange(server.port(), "POST /api/2.0/mlflow/experiments/search HTTP/1.1\r\n"
                + "Host: evil.example:5000\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");
        assertThat(reply).startsWith("HTTP/1.1 403").contains("PERMISSION_DENIED");

        ApiClient.Reply big = api.post("experiments/create", "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        HttpRequest plain = HttpRequest.newBuilder(server.uri().resolve("/api/2.0/mlflow/experiments/create"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"csrf\"}")).build();
        ApiClient.Reply csrf = api.send(plain);
        assertThat(csrf.status()).isEqualTo(400);
        assertThat(store.experiments().byName("csrf")).isEmpty();

        String preflight = RawHttp.exchange(server.port(), "OPTIONS /api/2.0/mlflow/experiments/create HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(preflight).doesNotContainIgnoringCase("Access-Control-Allow");
        assertThat(api.send("GET", "/version", null).text()).isNotBlank();
    }

    @Test
    void aBodyJacksonReadsAsUtf32IsRefusedNotDropped() {
        // found by RequestBodyFuzzTest: leading NULs made Jackson decode UTF-32 and fail with an IOException that
        // the server took for the client going away, closing the connection without an answer
        ApiClient.Reply reply = api.post("runs/search", "\u0000\u0000\u0000\u0000{\"experiment_ids\": [\"0\"]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(reply.json().get("message").asText()).startsWith("Malformed JSON request body");
    }

    @Test
    void corsOnlyForTheOriginsAsked() throws Exception {
        assertThatThrownBy(() -> ServeOptions.loopback(0, other).withCorsOrigins(List.of("notebook.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'notebook.example'");
        try (TrackingStore s = TrackingStore.open(other.resolve("o.db"));
             TrackingServer open = TrackingServer.start(s, ServeOptions.loopback(0, other.resolve("a"))
                     .withToken("s3cret").withCorsOrigins(List.of("https://Notebook.example:8888/")))) {
            // the preflight carries no token and is answered before the token check
            String preflight = RawHttp.exchange(open.port(), "OPTIONS /api/2.0/mlflow/runs/log-batch HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nOrigin: https://notebook.example:8888\r\n"
                    + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type, "
                    + "authorization\r\nConnection: close\r\n\r\n");
            assertThat(preflight).startsWith("HTTP/1.1 204")
                    .containsIgnoringCase("Access-Control-Allow-Origin: https://notebook.example:8888")
                    .containsIgnoringCase("Access-Control-Allow-Methods: GET, POST")
                    .containsIgnoringCase("Access-Control-Allow-Headers: content-type, authorization");
            String foreign = RawHttp.exchange(open.port(), "OPTIONS /api/2.0/mlflow/runs/log-batch HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(foreign).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("Access-Control-Allow");

            // the request itself still needs the token, and its answer names the origin
            HttpRequest.Builder search = HttpRequest.newBuilder(open.uri()
                    .resolve("/api/2.0/mlflow/experiments/search"))
                    .header("Content-Type", "application/json").header("Origin", "https://notebook.example:8888")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> denied = api.http().send(search.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(denied.statusCode()).isEqualTo(401);
            HttpResponse<String> allowed = api.http().send(search.header("Authorization", "Bearer s3cret").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://notebook.example:8888");
            HttpResponse<String> other = api.http().send(HttpRequest.newBuilder(open.uri().resolve("/health"))
                    .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void artifactsStayInsideTheRoot() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(server.uri().resolve("/api/2.0/mlflow-artifacts/artifacts/0/r/a.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("hello")).build();
        assertThat(api.send(put).status()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("artifacts/0/r/a.txt"))).isEqualTo("hello");
        ApiClient.Reply got = api.send("GET", "/api/2.0/mlflow-artifacts/artifacts/0/r/a.txt", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.text()).isEqualTo("hello");
        ApiClient.Reply listed = api.send("GET", "/api/2.0/mlflow-artifacts/artifacts?path=0/r", null);
        assertThat(listed.json().at("/files/0/path").asText()).isEqualTo("a.txt");
        assertThat(listed.json().at("/files/0/file_size").asLong()).isEqualTo(5);

        Files.writeString(other.resolve("secret.txt"), "TOPSECRET-CONTENT");
        for (String evil : new String[] {"0/../../secret.txt", "%2e%2e/secret.txt", "0/%2E%2E/%2E%2E/x",
            "/" + other.resolve("secret.txt"), "a\\..\\b"}) {
            ApiClient.Reply r = api.send("GET", "/api/2.0/mlflow-artifacts/artifacts/" + evil.replace("\\", "%5C"),
                    null);
            assertThat(r.status()).as(evil).isIn(400, 404);
            assertThat(r.text()).as(evil).doesNotContain("TOPSECRET");
        }
        String raw = RawHttp.exchange(server.port(), "GET /api/2.0/mlflow-artifacts/artifacts/../../secret.txt "
                + "HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(raw).doesNotContain("TOPSECRET");
        Files.createSymbolicLink(dir.resolve("artifacts/escape"), other);
        ApiClient.Reply viaLink = api.send("GET", "/api/2.0/mlflow-artifacts/artifacts/escape/secret.txt", null);
        assertThat(viaLink.status()).isEqualTo(400);
        HttpRequest putViaLink = HttpRequest.newBuilder(
                server.uri().resolve("/api/2.0/mlflow-artifacts/artifacts/escape/planted.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build();
        assertThat(api.send(putViaLink).status()).isEqualTo(400);
        assertThat(other.resolve("planted.txt")).doesNotExist();
        ApiClient.Reply listLink = api.get("artifacts/list", "run_id", newRun(), "path", "../..");
        assertThat(listLink.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        HttpRequest tooBig = HttpRequest.newBuilder(server.uri().resolve("/api/2.0/mlflow-artifacts/artifacts/big"))
                .PUT(HttpRequest.BodyPublishers.ofString("x".repeat(2048))).build();
        assertThat(api.send(tooBig).status()).isEqualTo(413);
        assertThat(dir.resolve("artifacts/big")).doesNotExist();
    }

    @Test
    void artifactsListOfARunLoggedThroughTheProxy() {
        String run = newRun();
        HttpRequest put = HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow-artifacts/artifacts/0/"
                + run + "/artifacts/model/MLmodel")).PUT(HttpRequest.BodyPublishers.ofString("flavors: {}")).build();
        assertThat(api.send(put).status()).isEqualTo(200);
        ApiClient.Reply top = api.get("artifacts/list", "run_id", run);
        assertThat(top.json().get("root_uri").asText()).isEqualTo("mlflow-artifacts:/0/" + run + "/artifacts");
        assertThat(top.json().at("/files/0/path").asText()).isEqualTo("model");
        assertThat(top.json().at("/files/0/is_dir").asBoolean()).isTrue();
        ApiClient.Reply inner = api.get("artifacts/list", "run_id", run, "path", "model");
        assertThat(inner.json().at("/files/0/path").asText()).isEqualTo("model/MLmodel");
        assertThat(inner.json().at("/files/0/file_size").asLong()).isEqualTo(11);
    }
}
