package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON endpoint of the API: arguments in, the response object out (an empty object for MLflow's {@code {}}). */
@FunctionalInterface
public interface Endpoint {
    JsonNode handle(ApiRequest request);
}
