package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * MLflow's artifacts proxy ({@code mlflow-artifacts} service): {@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}
 * uploads a file (streamed to a temporary file beside it, then moved into place), {@code GET .../<path>} downloads
 * it, {@code GET .../artifacts?path=<dir>} lists a folder as {@code {"files": [{path, is_dir, file_size}]}}. Paths are
 * confined to the artifact root ({@link ArtifactRoot}).
 */
final class ArtifactsProxy {
    private final ArtifactRoot root;
    private final long maxUpload;

    ArtifactsProxy(ArtifactRoot root, long maxUpload) {
        this.root = root;
        this.maxUpload = maxUpload;
    }

    void handle(HttpExchange exchange, String method, String path, Map<String, List<String>> query)
            throws IOException {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        switch (method) {
            case "GET" -> {
                if (rel.isEmpty()) {
                    List<String> p = query.get("path");
                    Router.sendJson(exchange, 200, list(p == null || p.isEmpty() ? "" : p.get(0)));
                } else {
                    download(exchange, rel);
                }
            }
            case "PUT" -> {
                if (rel.isEmpty()) {
                    throw ApiException.invalid("An upload needs a file path after /artifacts/.");
                }
                upload(exchange, rel);
                Router.sendJson(exchange, 200, MlflowJson.object());
            }
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, PUT");
                throw new ApiException(ApiException.Code.BAD_REQUEST, 405, "Method " + method
                        + " is not allowed on mlflow-artifacts (allowed: GET, PUT).");
            }
        }
    }

    /** {@code {"files": [...]}} of the folder {@code rel}; names are relative to it (MLflow's basenames). */
    ObjectNode list(String rel) throws IOException {
        Path dir = root.resolve(rel);
        ObjectNode out = MlflowJson.object();
        ArrayNode files = out.putArray("files");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (Files.isSymbolicLink(child)) {
                    continue;
                }
                ObjectNode f = files.addObject();
                f.put("path", child.getFileName().toString());
                boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
                f.put("is_dir", isDir);
                if (!isDir) {
                    f.put("file_size", Files.size(child));
                }
            }
        }
        return out;
    }

    private void download(HttpExchange exchange, String rel) throws IOException {
        Path file = root.resolve(rel);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound("No artifact at '" + rel + "'.");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    private void upload(HttpExchange exchange, String rel) throws IOException {
        Path target = root.resolve(rel);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.invalid("'" + rel + "' is a folder.");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d+") && Long.parseLong(length.strip()) > maxUpload) {
            Router.discard(exchange, Long.parseLong(length.strip()));
            throw Router.tooLarge(maxUpload);
        }
        Files.createDirectories(target.getParent());
        root.resolve(rel); // again, now that the folders exist: none of them may be a link
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            long written = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody(); OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    written += n;
                    if (written > maxUpload) {
                        throw Router.tooLarge(maxUpload);
                    }
                    out.write(buf, 0, n);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
