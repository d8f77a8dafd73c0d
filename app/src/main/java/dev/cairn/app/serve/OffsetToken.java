package dev.cairn.app.serve;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page tokens for the small lists paged in memory (experiments, registered models, model versions, metric history):
 * the offset of the next item, base64-encoded. Runs use the store's keyset tokens instead.
 */
final class OffsetToken {
    private static final String PREFIX = "offset:";

    private OffsetToken() {
    }

    static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long offset = Long.parseLong(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalid("Invalid page token '" + token + "'.");
    }

    /** The max_results argument: {@code fallback} when absent, else between 1 and {@code max}. */
    static int maxResults(ApiRequest req, int fallback, int max) {
        long n = req.longValue("max_results", fallback);
        if (n < 1 || n > max) {
            throw ApiException.invalid("Invalid value " + n + " for parameter 'max_results' supplied. It must be "
                    + "at most " + max + " and at least 1.");
        }
        return (int) n;
    }
}
