package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * POSTs to the REST API the way MLflow's Python client does ({@code mlflow.utils.rest_utils.http_request} through
 * {@code request_utils._get_request_session}): a urllib3 {@code Retry} with {@code total = connect = read = status =
 * MLFLOW_HTTP_REQUEST_MAX_RETRIES} (7), {@code allowed_methods=None} (POST is retried too),
 * {@code status_forcelist} 408, 429, 500, 502, 503, 504, and urllib3's backoff: no wait before the first retry, then
 * {@code backoff_factor * 2^(n-1)} plus up to {@code backoff_jitter} at random (MLflow's defaults are 2 s and 1 s;
 * the test scales them down so a give-up fits in seconds, the shape is the same). A connection refused or cut
 * before an answer is retried as well. When the retries are used up the request fails ({@link GaveUp}), as MLflow
 * raises an MlflowException then. Every error answer seen is kept for the test to check.
 */
final class MlflowRetryingClient {
    static final int MAX_RETRIES = 7;
    static final Set<Integer> RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** An answer that was not 200: status, body. */
    record ErrorAnswer(int status, String body) {
    }

    /** The retries were used up (MLflow raises then); {@code last} is the last answer's status, -1 for no answer. */
    static final class GaveUp extends Exception {
        private static final long serialVersionUID = 1L;
        final int last;

        GaveUp(String message, int last) {
            super(message);
            this.last = last;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final double backoffFactorS;
    private final double jitterS;
    final List<ErrorAnswer> errors = new CopyOnWriteArrayList<>();

    MlflowRetryingClient(URI base, double backoffFactorS, double jitterS) {
        this.base = base;
        this.backoffFactorS = backoffFactorS;
        this.jitterS = jitterS;
    }

    /** POSTs {@code body} to {@code /api/2.0/mlflow/<endpoint>} with retries; the 200 answer's JSON. */
    JsonNode post(String endpoint, String body) throws GaveUp, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/2.0/mlflow/" + endpoint))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int last = -1;
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            if (attempt > MAX_RETRIES) {
                throw new GaveUp(endpoint + ": retries used up, last status " + last, last);
            }
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                last = -1;
                continue; // urllib3's connect / read retries
            }
            if (r.statusCode() == 200) {
                try {
                    return ApiClient.JSON.readTree(r.body());
                } catch (IOException e) {
                    throw new AssertionError("200 with a body that is not JSON: " + r.body(), e);
                }
            }
            errors.add(new ErrorAnswer(r.statusCode(), r.body()));
            last = r.statusCode();
            if (!RETRY_STATUSES.contains(r.statusCode())) {
                throw new GaveUp(endpoint + ": " + r.statusCode() + " is not retried: " + r.body(), last);
            }
        }
    }

    /** urllib3's {@code Retry.get_backoff_time} after {@code errors} consecutive errors. */
    private void backoff(int errors) throws InterruptedException {
        if (errors <= 1) {
            return;
        }
        double s = Math.min(120, backoffFactorS * Math.pow(2, errors - 1) + jitterS * ThreadLocalRandom.current()
                .nextDouble());
        TimeUnit.MICROSECONDS.sleep((long) (s * 1e6));
    }
}
