package dev.cairn.store.query;

/** A constant on the right of a comparison. */
public sealed interface Literal {

    /** A quoted string. */
    record Text(String value) implements Literal {
    }

    /** An unquoted number ({@code NaN} and {@code ±inf} included); {@code source} as written. */
    record Number(double value, String source) implements Literal {
    }
}
