package dev.cairn.store.query;

import java.util.Locale;

/**
 * One token of a filter or order-by clause.
 *
 * @param kind    what the token is
 * @param text    for {@link Kind#NAME}: the name as written before any dot (unquoted); for {@link Kind#STRING}:
 *                the string's value; otherwise the source text
 * @param key     for a dotted {@link Kind#NAME}: the part after the first dot (unquoted), else null
 * @param quotedKey true when {@code key} was written in quotes or backticks
 * @param suffix  for a quoted key followed by {@code .word}: that word (an aggregate such as {@code min}), else null
 * @param number  for {@link Kind#NUMBER}: the value
 * @param column  1-based column of the token's first character
 * @param source  the token exactly as written
 */
public record Token(Kind kind, String text, String key, boolean quotedKey, String suffix, double number, int column,
             String source) {

    /** Token kinds. */
    enum Kind { NAME, STRING, NUMBER, OPERATOR, LPAREN, RPAREN, COMMA, END }

    /** True for an undotted, unquoted name equal to {@code word} ignoring case (keywords). */
    boolean isWord(String word) {
        return kind == Kind.NAME && key == null && !source.startsWith("`") && text.equalsIgnoreCase(word);
    }

    /** True for an undotted, unquoted name (a keyword or a bare attribute name). */
    boolean isBareWord() {
        return kind == Kind.NAME && key == null && !source.startsWith("`");
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How the token reads in a message. */
    String describe() {
        if (kind == Kind.END) {
            return "the end of the filter";
        }
        return kind == Kind.STRING ? source : "'" + source + "'";
    }
}
