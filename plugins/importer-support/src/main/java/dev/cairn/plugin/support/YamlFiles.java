package dev.cairn.plugin.support;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the YAML files other trackers write into trees, with one-line errors naming the file and line. YAML's
 * special floats ({@code .inf}, {@code -.inf}, {@code +.inf}, {@code .nan} in the spellings of YAML 1.1 and the
 * 1.2 core schema: {@code .inf .Inf .INF .nan .NaN .NAN}) are the doubles they name — Jackson takes them for
 * numbers and then cannot convert them; a finite literal too large for a double ({@code 1e400}) is an error, never
 * infinity. Quoted {@code ".inf"} and words like {@code inf} or {@code nan} stay text, as YAML says.
 */
public final class YamlFiles {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private YamlFiles() {
    }

    /**
     * The double a YAML special float spells ({@code .inf}, {@code -.Inf}, {@code .NaN}, ...), or null when
     * {@code text} is not one.
     */
    public static Double special(String text) {
        return switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN" -> Double.NaN;
            default -> null;
        };
    }

    /**
     * Why a number is refused, or null when it is not: {@code text}, the literal, is finite but too large for a
     * double, so {@code value}, what a parser read, is an infinity that no {@code .inf}, {@code inf} or
     * {@code Infinity} spells ({@code 1e400}).
     */
    public static String tooLarge(String text, double value) {
        return Double.isInfinite(value) && !text.toLowerCase(Locale.ROOT).contains("inf")
                ? "'" + text + "' is too large for a number (beyond ±1.8e308)" : null;
    }

    /**
     * Parses the first document of {@code file} ({@code null} node when it is empty); broken YAML, bytes that are
     * not UTF-8 text and a number too large for a double fail with "file: line N: ...".
     */
    public static JsonNode read(Path file) throws IOException, LogFileException {
        try (JsonParser p = new Specials(YAML.createParser(file.toFile()))) {
            JsonNode node = MAPPER.readTree(p);
            return node == null || node.isMissingNode() ? MAPPER.nullNode() : node;
        } catch (java.io.CharConversionException e) {
            throw new LogFileException(file, 1, "not YAML text in UTF-8: " + e.getMessage());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new LogFileException(file, line, "invalid YAML: " + (nl > 0 ? msg.substring(0, nl) : msg).strip());
        }
    }

    /** A YAML parser whose floats are YAML's: specials as their doubles, overflowing literals refused. */
    private static final class Specials extends JsonParserDelegate {
        /** One of the delegate's number reads. */
        private interface Read<T> {
            T read() throws IOException;
        }

        Specials(JsonParser p) {
            super(p);
        }

        /** The special float of the current token, null for any other token; refuses overflowing literals. */
        private Double value() throws IOException {
            if (currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return null;
            }
            Double special = special(getText());
            if (special != null) {
                return special;
            }
            String tooLarge = tooLarge(getText(), super.getDoubleValue());
            if (tooLarge != null) {
                throw new JsonParseException(this, tooLarge);
            }
            return null;
        }

        /** {@code special} of the current token's special float, else what the delegate reads. */
        private <T> T either(java.util.function.Function<Double, T> special, Read<T> otherwise) throws IOException {
            Double v = value();
            return v != null ? special.apply(v) : otherwise.read();
        }

        @Override
        public double getDoubleValue() throws IOException {
            return either(v -> v, super::getDoubleValue);
        }

        @Override
        public float getFloatValue() throws IOException {
            return either(Double::floatValue, super::getFloatValue);
        }

        @Override
        public Number getNumberValue() throws IOException {
            return either(v -> v, super::getNumberValue);
        }

        @Override
        public Number getNumberValueExact() throws IOException {
            return either(v -> v, super::getNumberValueExact);
        }

        @Override
        public Object getNumberValueDeferred() throws IOException {
            return either(v -> v, super::getNumberValueDeferred);
        }

        @Override
        public NumberType getNumberType() throws IOException {
            return either(v -> NumberType.DOUBLE, super::getNumberType);
        }

        @Override
        public NumberTypeFP getNumberTypeFP() throws IOException {
            return either(v -> NumberTypeFP.DOUBLE64, super::getNumberTypeFP);
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            if (value() != null) {
                throw new JsonParseException(this, "'" + getText() + "' has no decimal value");
            }
            return super.getDecimalValue();
        }

        @Override
        public boolean isNaN() throws IOException {
            return either(v -> v.isNaN() || v.isInfinite(), super::isNaN);
        }
    }
}
