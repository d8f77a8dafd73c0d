package dev.cairn.store.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the filter language into a {@link FilterExpr}. Precedence: {@code NOT} binds
 * tighter than {@code AND}, which binds tighter than {@code OR}; parentheses group. Keywords are
 * case-insensitive. See {@link RunSearch} for the full grammar.
 */
public final class FilterParser {
    static final String OPERATORS = "(=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL)";

    private final List<Token> tokens;
    private int index;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code filter}; throws {@link FilterSyntaxException} naming the column of the first problem. */
    public static FilterExpr parse(String filter) {
        FilterParser parser = new FilterParser(FilterLexer.tokenize(filter));
        FilterExpr expr = parser.or();
        Token end = parser.peek();
        if (end.kind() != Token.Kind.END) {
            String expected = end.kind() == Token.Kind.RPAREN ? "AND, OR or the end of the filter (unbalanced ')')"
                    : "AND, OR or the end of the filter";
            throw new FilterSyntaxException(end.column(), "expected " + expected + ", found " + end.describe());
        }
        return expr;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private FilterExpr or() {
        List<FilterExpr> parts = new ArrayList<>();
        parts.add(and());
        while (peek().isWord("OR")) {
            advance();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterExpr.Or(parts);
    }

    private FilterExpr and() {
        List<FilterExpr> parts = new ArrayList<>();
        parts.add(not());
        while (peek().isWord("AND")) {
            advance();
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterExpr.And(parts);
    }

    private FilterExpr not() {
        if (peek().isWord("NOT")) {
            advance();
            return new FilterExpr.Not(not());
        }
        return primary();
    }

    private FilterExpr primary() {
        Token t = peek();
        if (t.kind() == Token.Kind.LPAREN) {
            advance();
            FilterExpr inner = or();
            Token close = peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw new FilterSyntaxException(close.column(), "expected ')' to close the '(' at column "
                        + t.column() + ", found " + close.describe());
            }
            advance();
            return inner;
        }
        if (t.kind() != Token.Kind.NAME || isKeyword(t)) {
            throw new FilterSyntaxException(t.column(), "expected a comparison such as metrics.acc > 0.9 or "
                    + "params.optimizer = 'adam', found " + t.describe());
        }
        return comparison();
    }

    private static boolean isKeyword(Token t) {
        return t.isWord("AND") || t.isWord("OR") || t.isWord("NOT") || t.isWord("IN") || t.isWord("LIKE")
                || t.isWord("ILIKE") || t.isWord("IS") || t.isWord("NULL");
    }

    private FilterExpr comparison() {
        Token name = advance();
        Field field = FieldNames.resolve(name);
        Token op = peek();
        if (op.kind() == Token.Kind.OPERATOR) {
            advance();
            CompareOp cmp = CompareOp.fromSymbol(op.source());
            return compare(name, field, cmp, value(name, op));
        }
        if (op.isWord("LIKE") || op.isWord("ILIKE")) {
            advance();
            CompareOp cmp = op.isWord("LIKE") ? CompareOp.LIKE : CompareOp.ILIKE;
            return compare(name, field, cmp, value(name, op));
        }
        if (op.isWord("IN")) {
            advance();
            return inList(name, field, false, op);
        }
        if (op.isWord("NOT") && tokens.get(index + 1).isWord("IN")) {
            advance();
            advance();
            return inList(name, field, true, op);
        }
        if (op.isWord("IS")) {
            advance();
            boolean negated = peek().isWord("NOT");
            if (negated) {
                advance();
            }
            Token nul = peek();
            if (!nul.isWord("NULL")) {
                throw new FilterSyntaxException(nul.column(), "expected NULL after '" + name.source() + " IS"
                        + (negated ? " NOT" : "") + "', found " + nul.describe());
            }
            advance();
            return new FilterExpr.NullCheck(field, negated);
        }
        throw new FilterSyntaxException(op.column(), "expected a comparison operator " + OPERATORS + " after '"
                + name.source() + "', found " + op.describe());
    }

    private Literal value(Token name, Token op) {
        Token v = peek();
        String after = "'" + name.source() + " " + op.source().toUpperCase(java.util.Locale.ROOT) + "'";
        Literal literal;
        if (v.kind() == Token.Kind.STRING) {
            literal = new Literal.Text(v.text());
        } else if (v.kind() == Token.Kind.NUMBER) {
            literal = new Literal.Number(v.number(), v.source());
        } else if (v.isWord("nan")) {
            literal = new Literal.Number(Double.NaN, v.source());
        } else if (v.isWord("inf") || v.isWord("infinity")) {
            literal = new Literal.Number(Double.POSITIVE_INFINITY, v.source());
        } else {
            throw new FilterSyntaxException(v.column(), "expected a value (a quoted string or a number) after "
                    + after + ", found " + v.describe());
        }
        advance();
        return literal;
    }

    private FilterExpr compare(Token name, Field field, CompareOp op, Literal value) {
        Token valueToken = tokens.get(index - 1);
        String what = "'" + name.source() + "'";
        if (op.isPattern()) {
            if (field.numeric()) {
                throw new FilterSyntaxException(name.column(), op + " cannot be used with " + what
                        + ", which is a number; use =, !=, <, <=, >, >=");
            }
            if (!(value instanceof Literal.Text)) {
                throw new FilterSyntaxException(valueToken.column(), "expected a quoted pattern after " + what + " "
                        + op + ", found " + valueToken.describe());
            }
            return new FilterExpr.Compare(field, op, value);
        }
        if (field.numeric() && !(value instanceof Literal.Number)) {
            throw new FilterSyntaxException(valueToken.column(), "expected a number after '" + name.source() + " "
                    + opText(op) + "', found " + valueToken.describe());
        }
        boolean numberAllowed = field.numeric() || field instanceof Field.Param;
        if (value instanceof Literal.Number && !numberAllowed) {
            throw new FilterSyntaxException(valueToken.column(), "expected a quoted string after '" + name.source()
                    + " " + opText(op) + "', found " + valueToken.describe() + " (write it as '"
                    + valueToken.source() + "')");
        }
        if (op.isOrdering() && value instanceof Literal.Text) {
            String hint = field instanceof Field.Param ? "; to compare a param as a number, leave the number "
                    + "unquoted, e.g. " + name.source() + " " + opText(op) + " 0.01" : "";
            throw new FilterSyntaxException(valueToken.column(), opText(op) + " needs a number, but " + what
                    + " is compared with the string " + valueToken.describe() + hint);
        }
        return new FilterExpr.Compare(field, op, value);
    }

    private static String opText(CompareOp op) {
        return op == CompareOp.NE ? "!=" : op.sql();
    }

    private FilterExpr inList(Token name, Field field, boolean negated, Token op) {
        String after = "'" + name.source() + (negated ? " NOT IN" : " IN") + "'";
        if (field.numeric()) {
            throw new FilterSyntaxException(op.column(), "IN cannot be used with '" + name.source()
                    + "', which is a number; use =, !=, <, <=, >, >=");
        }
        Token open = peek();
        if (open.kind() != Token.Kind.LPAREN) {
            throw new FilterSyntaxException(open.column(), "expected '(' after " + after + ", found "
                    + open.describe());
        }
        advance();
        List<Literal.Text> values = new ArrayList<>();
        while (true) {
            Token v = peek();
            if (v.kind() != Token.Kind.STRING) {
                throw new FilterSyntaxException(v.column(), "expected a quoted string in the list after " + after
                        + ", found " + v.describe());
            }
            advance();
            values.add(new Literal.Text(v.text()));
            Token sep = advance();
            if (sep.kind() == Token.Kind.RPAREN) {
                return new FilterExpr.InList(field, negated, values);
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw new FilterSyntaxException(sep.column(), "expected ',' or ')' in the list after " + after
                        + ", found " + sep.describe());
            }
        }
    }
}
