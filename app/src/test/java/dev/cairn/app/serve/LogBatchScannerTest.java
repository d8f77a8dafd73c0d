package dev.cairn.app.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte scanner in front of the streaming decoder ({@link LogBatchScanner}): it reads the plain bodies MLflow's
 * clients send, and whatever it accepts is read exactly as the tree path reads it (same run id, same columns bit for
 * bit, same params and tags), checked differentially on number forms, whitespace, field orders and mutated bodies.
 * A body it refuses goes on to the decoder and the tree path: LogBatchFastPathTest checks those answers.
 */
class LogBatchScannerTest {
    private static final long NOW = 1_234_567L;
    private static final String RUN = "0123456789abcdef0123456789abcdef";

    @Test
    void plainBodiesAreScannedAsTheTreeReadsThem() {
        List<String> bodies = new ArrayList<>();
        bodies.add(ServerBenchmark.batchBody(RUN, 3, "loss", 2));
        bodies.add(ServerBenchmark.batchBody(RUN, 0, "a/b.c-d_e", 0).replace(" ", ""));
        bodies.add(ServerBenchmark.batchBody(RUN, 7, "m", 1).replace(", ", ",\n\t ").replace(": ", " :\r\n"));
        String r = "\"run_id\": \"" + RUN + "\"";
        bodies.add("{" + r + "}");
        bodies.add("{" + r + ", \"metrics\": [], \"params\": [], \"tags\": []}");
        bodies.add("{\"metrics\": [{\"step\": 3, \"timestamp\": 10, \"value\": 0.1, \"key\": \"loss\"},"
                + " {\"value\": 2, \"key\": \"acc\"}, {\"key\": \"loss\", \"value\": \"NaN\", \"timestamp\": null,"
                + " \"step\": null}, {\"key\": \"acc\", \"value\": \"-Infinity\"}, {\"key\": \"loss\", \"value\":"
                + " \"Infinity\", \"step\": -5}], \"tags\": [{\"key\": \"mlflow.runName\", \"value\": \"x\"},"
                + " {\"key\": \"t\", \"value\": \"1\"}, {\"key\": \"t\", \"value\": \"2\"}, {\"key\": \"e\"}],"
                + " \"params\": [{\"value\": \"0.1\", \"key\": \"lr\"}, {\"key\": \"lr\", \"value\": \"0.1\"}], " + r
                + "}");
        for (String number : numbers()) {
            bodies.add("{" + r + ", \"metrics\": [{\"key\": \"k\", \"value\": " + number + ", \"timestamp\": 5,"
                    + " \"step\": 6}]}");
        }
        for (String body : bodies) {
            assertThat(LogBatchScanner.scan(bytes(body), NOW)).as(body).isNotNull();
            checkAgainstTree(body);
        }
    }

    @Test
    void othersAreLeftToTheNextStage() {
        String r = "\"run_id\": \"" + RUN + "\"";
        String m = "{" + r + ", \"metrics\": [{\"key\": \"k\", \"value\": ";
        List<String> refused = List.of(
                m + "01}]}", m + "1.}]}", m + ".5}]}", m + "+1}]}", m + "1e}]}", m + "-}]}", m + "1e400}]}",
                m + "NaN}]}", m + "\"nan\"}]}", m + "true}]}", m + "null}]}", m + "1234567890123456789}]}",
                m + "1, \"timestamp\": 1.0}]}", m + "1, \"step\": 1e3}]}", m + "1, \"step\": \"3\"}]}",
                m + "1, \"step\": 1234567890123456789}]}", m + "1, \"step\": 01}]}", m + "1, \"value\": 2}]}",
                m + "1, \"other\": 2}]}", m + "1}], \"extra\": 1}", m + "1}]} x", m + "1}]", m + "1}],}",
                m + "1},]}", "{" + r + ", \"metrics\": [{\"key\": \"k\\u00e9\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"k\u00e9\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"../k\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"value\": 1}]}", "{" + r + ", \"metrics\": null}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": null}]}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": 1}]}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": \"1\"}, {\"key\": \"p\", \"value\": \"2\"}]}",
                "{" + r + ", " + r + "}", "{\"run_id\": \"\"}", "{\"run_id\": null}", "{}", "[]", "", " ",
                "\uFEFF{" + r + "}", "{" + r + ", \"metrics\": [" + "{\"key\": \"k\", \"value\": 1},".repeat(1000)
                        + "{\"key\": \"k\", \"value\": 1}]}");
        for (String body : refused) {
            assertThat(LogBatchScanner.scan(bytes(body), NOW)).as(body).isNull();
            checkAgainstTree(body);
        }
    }

    /** Bodies cut, and bytes changed, at random places: whatever the scanner accepts, the tree reads the same. */
    @Test
    void mutatedBodiesNeverDisagreeWithTheTree() {
        SplittableRandom random = new SplittableRandom(13);
        String r = "\"run_id\": \"" + RUN + "\"";
        List<String> numbers = numbers();
        byte[] alphabet = bytes("{}[],:\" \n-+.eE0123456789nulNaInfitykeyvalsp\\x");
        int accepted = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder body = new StringBuilder("{" + r + ", \"metrics\": [");
            for (int j = 0; j < 3; j++) {
                body.append(j == 0 ? "" : ", ").append("{\"key\": \"k").append(random.nextInt(2))
                        .append("\", \"value\": ").append(numbers.get(random.nextInt(numbers.size())))
                        .append(", \"timestamp\": ").append(random.nextLong(-2_000_000_000_000L, 2_000_000_000_000L))
                        .append(", \"step\": ").append(random.nextInt(-3, 100)).append('}');
            }
            body.append("], \"params\": [{\"key\": \"p\", \"value\": \"v\"}]}");
            byte[] b = bytes(body.toString());
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                b[random.nextInt(b.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            if (random.nextInt(10) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            if (checkAgainstTree(new String(b, StandardCharsets.ISO_8859_1))) {
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(1000);
    }

    /** Number forms: integers, fractions (Clinger's fast path and Jackson's parser), exponents, signs, zeros. */
    private static List<String> numbers() {
        List<String> out = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "1", "-1", "7", "123456789012345678",
                "-123456789012345678", "9007199254740993", "0.1", "-0.1", "0.30000000000000004", "1.5e-3", "1E5",
                "1e+5", "2.5E-300", "4.9e-324", "1.7976931348623157e308", "0.000001", "100.25",
                "9007199254740992.5", "0.9007199254740993", "12345678901234567890.5", "3.141592653589793238462643",
                "0.00000000000000000000000123", "1.0000000000000002", "5e-324", "123.456e2"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            out.add(Double.toString(random.nextDouble()));
            out.add(Double.toString(-random.nextDouble() * 1000));
            out.add(Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)));
            out.add(String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble()));
        }
        return out;
    }

    /** Scans {@code body}; when accepted, the tree must read the same. Whether it was accepted. */
    private static boolean checkAgainstTree(String body) {
        byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
        LogBatchDecoder.Decoded scanned = LogBatchScanner.scan(raw, NOW);
        if (scanned == null) {
            return false;
        }
        LogBatchDecoder.Decoded tree = RunLogging.fromTree(ApiRequest.ofRaw(raw), NOW);
        assertThat(scanned.runId()).as(body).isEqualTo(tree.runId());
        LogBatchFastPathTest.assertSame(scanned.batch(), tree.batch(), body);
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
