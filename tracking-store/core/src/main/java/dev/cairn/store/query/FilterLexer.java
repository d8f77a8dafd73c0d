package dev.cairn.store.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits filter and order-by text into {@link Token}s. Names are read whole: {@code metrics.val/loss},
 * {@code tags."team name"}, {@code `metrics`.`a b`.min}. Strings are single- or double-quoted, a doubled quote
 * inside standing for one. Numbers may carry a sign and an exponent; {@code inf}/{@code -inf} with a sign are numbers.
 */
public final class FilterLexer {
    private final String text;
    private int pos;

    private FilterLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with an {@link Token.Kind#END} token. */
    static List<Token> tokenize(String text) {
        FilterLexer lexer = new FilterLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", null, false, null, 0, pos + 1, "");
        }
        char c = text.charAt(pos);
        if (c == '(' || c == ')' || c == ',') {
            pos++;
            Token.Kind kind = c == '(' ? Token.Kind.LPAREN : c == ')' ? Token.Kind.RPAREN : Token.Kind.COMMA;
            return simple(kind, start);
        }
        if (c == '=' || c == '!' || c == '<' || c == '>') {
            return operator(start);
        }
        if (c == '\'' || c == '"') {
            String value = quoted(c);
            return new Token(Token.Kind.STRING, value, null, false, null, 0, start + 1, text.substring(start, pos));
        }
        if (startsNumber()) {
            return number(start);
        }
        if (isNameStart(c) || c == '`') {
            return name(start);
        }
        throw new FilterSyntaxException(start + 1, "unexpected character '" + c + "'");
    }

    private Token simple(Token.Kind kind, int start) {
        String s = text.substring(start, pos);
        return new Token(kind, s, null, false, null, 0, start + 1, s);
    }

    private Token operator(int start) {
        char c = text.charAt(pos++);
        char n = pos < text.length() ? text.charAt(pos) : 0;
        if ((c == '<' || c == '>' || c == '!') && n == '=' || c == '<' && n == '>') {
            pos++;
        } else if (c == '!') {
            throw new FilterSyntaxException(start + 1, "unexpected character '!' (did you mean '!='?)");
        }
        return simple(Token.Kind.OPERATOR, start);
    }

    private boolean startsNumber() {
        int i = pos;
        char c = text.charAt(i);
        if (c == '+' || c == '-') {
            i++;
            if (matchesInfinity(i)) {
                return true;
            }
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
        }
        return i < text.length() && isAsciiDigit(text.charAt(i));
    }

    private boolean matchesInfinity(int i) {
        for (String word : new String[] {"infinity", "inf"}) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                int end = i + word.length();
                return end >= text.length() || !isNameChar(text.charAt(end));
            }
        }
        return false;
    }

    private Token number(int start) {
        char c = text.charAt(pos);
        boolean negative = c == '-';
        if (c == '+' || c == '-') {
            pos++;
            if (matchesInfinity(pos)) {
                pos += text.regionMatches(true, pos, "infinity", 0, 8) ? 8 : 3;
                double v = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return new Token(Token.Kind.NUMBER, text.substring(start, pos), null, false, null, v, start + 1,
                        text.substring(start, pos));
            }
        }
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
                digits();
            } else {
                pos = mark;
            }
        }
        if (pos < text.length() && isNameChar(text.charAt(pos))) {
            throw new FilterSyntaxException(start + 1, "malformed number '" + text.substring(start, wordEnd(pos))
                    + "'");
        }
        String s = text.substring(start, pos);
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            throw new FilterSyntaxException(start + 1, "the number '" + s + "' is too large (beyond ±1.8e308)");
        }
        return new Token(Token.Kind.NUMBER, s, null, false, null, v, start + 1, s);
    }

    /** Only 0-9 start or continue a number: Character.isDigit also takes other scripts' digits (fuzzing found '٧'). */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void digits() {
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Token name(int start) {
        String head;
        if (text.charAt(pos) == '`') {
            head = quoted('`');
        } else {
            int from = pos;
            while (pos < text.length() && isNameStartOrDigit(text.charAt(pos))) {
                pos++;
            }
            head = text.substring(from, pos);
        }
        if (pos >= text.length() || text.charAt(pos) != '.') {
            return new Token(Token.Kind.NAME, head, null, false, null, 0, start + 1, text.substring(start, pos));
        }
        pos++;
        if (pos < text.length() && isQuote(text.charAt(pos))) {
            String key = quoted(text.charAt(pos));
            String suffix = null;
            if (pos < text.length() && text.charAt(pos) == '.') {
                int from = ++pos;
                while (pos < text.length() && isNameStartOrDigit(text.charAt(pos))) {
                    pos++;
                }
                suffix = text.substring(from, pos);
                if (suffix.isEmpty()) {
                    throw new FilterSyntaxException(from + 1, "expected min, max or last after '"
                            + text.substring(start, from) + "'");
                }
            }
            return new Token(Token.Kind.NAME, head, key, true, suffix, 0, start + 1, text.substring(start, pos));
        }
        int from = pos;
        while (pos < text.length() && isKeyChar(text.charAt(pos))) {
            pos++;
        }
        if (from == pos) {
            throw new FilterSyntaxException(from + 1, "expected a name after '" + text.substring(start, from)
                    + "' (quote names with spaces or symbols: " + head + ".\"my name\")");
        }
        String key = text.substring(from, pos);
        return new Token(Token.Kind.NAME, head, key, false, null, 0, start + 1, text.substring(start, pos));
    }

    private String quoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    out.append(quote);
                    pos++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        String what = quote == '`' ? "name" : "string";
        throw new FilterSyntaxException(start + 1, "unterminated " + what + ": expected a closing " + quote);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameStartOrDigit(char c) {
        return isNameStart(c) || Character.isDigit(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStartOrDigit(c) || c == '.';
    }

    /** Characters of an unquoted key: letters, digits, {@code _ . / -}. */
    private static boolean isKeyChar(char c) {
        return isNameStartOrDigit(c) || c == '.' || c == '/' || c == '-';
    }
}
