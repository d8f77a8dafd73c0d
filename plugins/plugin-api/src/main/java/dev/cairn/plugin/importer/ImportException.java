package dev.cairn.plugin.importer;

/**
 * Nothing could be imported from a path; the message names the file and, where known, the line or byte offset. The
 * message is always one line: line breaks and other control characters in it (a message quotes what it read, and what
 * it read can hold them) are shown escaped, see {@link #oneLine}.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(oneLine(message));
    }

    public ImportException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * {@code text} on one line: {@code \n}, {@code \r} and {@code \t} written as those escapes, other control
     * characters as Unicode escapes (backslash, u, four hex digits); text without control characters is returned as
     * it is, null as null.
     */
    public static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
