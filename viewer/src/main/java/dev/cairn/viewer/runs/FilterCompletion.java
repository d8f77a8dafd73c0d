package dev.cairn.viewer.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion for the filter bar: at the caret, a word like {@code met} offers {@code metrics.}, and
 * {@code metrics.lo} offers {@code metrics.loss}, from the known metric, param and tag names.
 */
public final class FilterCompletion {
    private static final List<String> PREFIXES = List.of("metrics.", "params.", "tags.", "attributes.");
    private static final List<String> ATTRIBUTES = List.of("status", "name", "user", "start_time", "end_time",
            "duration", "run_id");
    private static final int MAX = 50;

    /** One proposal: replace {@code text[from, to)} with {@code replacement}. */
    public record Suggestion(int from, int to, String replacement) {
        /** The filter text with this suggestion applied. */
        public String applyTo(String text) {
            return text.substring(0, from) + replacement + text.substring(to);
        }

        /** Where the caret goes after applying. */
        public int caretAfter() {
            return from + replacement.length();
        }
    }

    private FilterCompletion() {
    }

    /** Suggestions for the word ending at {@code caret}. */
    public static List<Suggestion> suggest(String text, int caret, List<String> metricKeys, List<String> paramKeys,
                                           List<String> tagKeys) {
        int end = Math.max(0, Math.min(caret, text.length()));
        int start = end;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, end);
        List<Suggestion> out = new ArrayList<>();
        int dot = word.indexOf('.');
        if (dot < 0) {
            for (String prefix : PREFIXES) {
                if (prefix.startsWith(word)) {
                    out.add(new Suggestion(start, end, prefix));
                }
            }
            return out;
        }
        String head = word.substring(0, dot + 1);
        String rest = word.substring(dot + 1);
        List<String> names = switch (head) {
            case "metrics." -> metricKeys;
            case "params." -> paramKeys;
            case "tags." -> tagKeys;
            case "attributes." -> ATTRIBUTES;
            default -> List.of();
        };
        for (String name : names) {
            if (name.startsWith(rest) && out.size() < MAX) {
                out.add(new Suggestion(start, end, head + quoteIfNeeded(name)));
            }
        }
        return out;
    }

    private static String quoteIfNeeded(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isWordChar(name.charAt(i)) || name.charAt(i) == '.') {
                return "`" + name + "`";
            }
        }
        return name;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/';
    }
}
