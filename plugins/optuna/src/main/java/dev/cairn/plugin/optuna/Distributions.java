package dev.cairn.plugin.optuna;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.plugin.support.JsonFiles;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a param's internal value through its Optuna distribution ({@code distribution_to_json}): a categorical
 * param is its choice (not its index), an int param an integer, a float param the float as Python prints it.
 * Current names (Float/Int/CategoricalDistribution) and the legacy ones (Uniform, LogUniform, DiscreteUniform,
 * IntUniform, IntLogUniform) are understood.
 */
final class Distributions {
    private Distributions() {
    }

    /** A decoded param: its text and the tags worth keeping about its distribution (log scale, step). */
    record Decoded(String value, Map<String, String> tags) {
    }

    static Decoded decode(String name, OptunaStudy.Param param) throws BadDistribution {
        JsonNode d;
        try {
            d = JsonFiles.mapper().readTree(param.distributionJson());
        } catch (JsonProcessingException e) {
            throw new BadDistribution("param '" + name + "': distribution is not JSON");
        }
        String kind = d.path("name").asText("");
        JsonNode a = d.path("attributes");
        Map<String, String> tags = new LinkedHashMap<>();
        double v = param.internal();
        switch (kind) {
            case "CategoricalDistribution" -> {
                JsonNode choices = a.path("choices");
                int index = (int) v;
                if (!choices.isArray() || index < 0 || index >= choices.size() || index != v) {
                    throw new BadDistribution("param '" + name + "': index " + pyFloat(v) + " is not one of the "
                            + choices.size() + " choices");
                }
                JsonNode choice = choices.get(index);
                return new Decoded(choice.isFloatingPointNumber() ? pyFloat(choice.asDouble())
                        : JsonFiles.text(choice), tags);
            }
            case "IntDistribution", "IntUniformDistribution", "IntLogUniformDistribution" -> {
                if (a.path("log").asBoolean(false) || kind.equals("IntLogUniformDistribution")) {
                    tags.put("log", "true");
                }
                if (a.hasNonNull("step") && a.get("step").asLong() != 1) {
                    tags.put("step", a.get("step").asText());
                }
                return new Decoded(Long.toString(Math.round(v)), tags);
            }
            case "FloatDistribution", "UniformDistribution", "LogUniformDistribution",
                 "DiscreteUniformDistribution" -> {
                if (a.path("log").asBoolean(false) || kind.equals("LogUniformDistribution")) {
                    tags.put("log", "true");
                }
                JsonNode step = kind.equals("DiscreteUniformDistribution") ? a.path("q") : a.path("step");
                if (step.isNumber()) {
                    tags.put("step", pyFloat(step.asDouble()));
                }
                return new Decoded(pyFloat(v), tags);
            }
            default -> throw new BadDistribution("param '" + name + "': unknown distribution '" + kind + "'");
        }
    }

    /** A float as Python's {@code repr} prints it: {@code 0.0001}, {@code 1e-05}, {@code 3.0}, {@code 1e+16}. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(v);
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** The fewest significant digits that read back as {@code v} (Java 17's Double.toString is not always shortest). */
    private static BigDecimal shortest(double v) {
        BigDecimal full = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = full.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == v) {
                return rounded.stripTrailingZeros();
            }
        }
        return full.round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** A distribution that cannot decode its param. */
    static final class BadDistribution extends Exception {
        private static final long serialVersionUID = 1L;

        BadDistribution(String message) {
            super(message);
        }
    }
}
