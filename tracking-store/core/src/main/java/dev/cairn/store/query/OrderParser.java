package dev.cairn.store.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses order-by clauses: {@code <name> [ASC|DESC]}, where the name is written as in filters
 * ({@code metrics.loss.min}, {@code params.lr}, {@code tags."team name"}, {@code attributes.start_time} or just
 * {@code start_time}). ASC is the default.
 */
public final class OrderParser {
    private OrderParser() {
    }

    public static List<OrderKey> parse(List<String> clauses) {
        List<OrderKey> keys = new ArrayList<>();
        for (String clause : clauses) {
            try {
                keys.add(parse(clause));
            } catch (FilterSyntaxException e) {
                throw new FilterSyntaxException(e.column(), e.detail() + " (in order-by clause '" + clause + "')");
            }
        }
        return keys;
    }

    static OrderKey parse(String clause) {
        List<Token> tokens = FilterLexer.tokenize(clause == null ? "" : clause);
        Token name = tokens.get(0);
        if (name.kind() != Token.Kind.NAME) {
            throw new FilterSyntaxException(name.column(), "expected a name to order by, such as metrics.loss or "
                    + "attributes.start_time, found " + name.describe());
        }
        Field field = FieldNames.resolve(name);
        if (field instanceof Field.Dataset) {
            throw new FilterSyntaxException(name.column(), "cannot order by '" + name.source()
                    + "': a run may have many dataset inputs");
        }
        Token dir = tokens.get(1);
        boolean descending = false;
        int end = 1;
        if (dir.isWord("ASC") || dir.isWord("DESC")) {
            descending = dir.isWord("DESC");
            end = 2;
        }
        Token rest = tokens.get(end);
        if (rest.kind() != Token.Kind.END) {
            throw new FilterSyntaxException(rest.column(), "expected ASC, DESC or the end of the order-by clause "
                    + "after '" + name.source() + "', found " + rest.describe());
        }
        return new OrderKey(field, descending);
    }
}
