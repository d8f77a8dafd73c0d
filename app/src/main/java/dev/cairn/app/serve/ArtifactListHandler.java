package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * {@code artifacts/list} of the tracking API: a run's artifacts under {@code path}. Runs logged through the server
 * keep their files in the artifacts proxy's root; imported runs list the files the store recorded for them.
 */
final class ArtifactListHandler {
    private static final String PROXY_SCHEME = "mlflow-artifacts:/";
    private final ServeContext ctx;
    private final ArtifactsProxy proxy;

    ArtifactListHandler(ServeContext ctx, ArtifactsProxy proxy) {
        this.ctx = ctx;
        this.proxy = proxy;
    }

    void register(Router r) {
        r.on("GET", "artifacts/list", this::list);
    }

    private JsonNode list(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        Run run = ctx.run(id);
        String path = req.string("path");
        String prefix = path == null || path.isEmpty() ? "" : path.replaceAll("/+$", "");
        ctx.artifacts().resolve(prefix); // the same path rules as the proxy
        String root = ServeContext.artifactUri(run);
        ObjectNode out = MlflowJson.object();
        out.put("root_uri", root);
        ArrayNode files = out.putArray("files");
        if (root.startsWith(PROXY_SCHEME)) {
            String dir = root.substring(PROXY_SCHEME.length()).replaceAll("^/+", "");
            try {
                for (JsonNode f : proxy.list(dir + (prefix.isEmpty() ? "" : "/" + prefix)).get("files")) {
                    ObjectNode copy = ((ObjectNode) f).deepCopy();
                    copy.put("path", prefix.isEmpty() ? f.get("path").asText() : prefix + "/" + f.get("path").asText());
                    files.add(copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
        // recorded files: the direct children of prefix (folders once)
        TreeMap<String, Long> children = new TreeMap<>();
        String base = prefix.isEmpty() ? "" : prefix + "/";
        for (Artifact a : ctx.store().runs().artifacts(id)) {
            if (!a.path().startsWith(base) || a.path().length() == base.length()) {
                continue;
            }
            String rest = a.path().substring(base.length());
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                children.put(base + rest.substring(0, slash) + "/", null);
            } else {
                children.put(base + rest, a.size() == null ? -1L : a.size());
            }
        }
        children.forEach((p, size) -> {
            ObjectNode f = files.addObject();
            boolean dir = p.endsWith("/");
            f.put("path", dir ? p.substring(0, p.length() - 1) : p);
            f.put("is_dir", dir);
            if (!dir && size >= 0) {
                f.put("file_size", size);
            }
        });
        return out;
    }
}
