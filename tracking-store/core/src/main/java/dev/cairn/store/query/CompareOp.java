package dev.cairn.store.query;

/** Comparison operators of the filter language. */
public enum CompareOp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("LIKE"), ILIKE("ILIKE");

    private final String sql;

    CompareOp(String sql) {
        this.sql = sql;
    }

    /** The SQL operator for number and plain-text comparisons ({@code <>} for not-equal). */
    public String sql() {
        return this == NE ? "<>" : sql;
    }

    boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    public boolean isPattern() {
        return this == LIKE || this == ILIKE;
    }

    static CompareOp fromSymbol(String symbol) {
        return switch (symbol) {
            case "=" -> EQ;
            case "!=", "<>" -> NE;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            default -> throw new IllegalArgumentException(symbol);
        };
    }
}
