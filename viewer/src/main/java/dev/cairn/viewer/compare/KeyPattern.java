package dev.cairn.viewer.compare;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the user typed to find keys: with {@code *} or {@code ?} a wildcard over the whole key ({@code val/*}
 * matches {@code val/loss} and {@code val/acc}); without, a case-insensitive "contains". Blank matches everything.
 */
public final class KeyPattern {
    private final String text;
    private final Pattern wildcard;

    private KeyPattern(String text) {
        this.text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        this.wildcard = this.text.contains("*") || this.text.contains("?") ? compile(this.text) : null;
    }

    public static KeyPattern of(String text) {
        return new KeyPattern(text);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    public boolean matches(String key) {
        if (text.isEmpty()) {
            return true;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return wildcard != null ? wildcard.matcher(k).matches() : k.contains(text);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
