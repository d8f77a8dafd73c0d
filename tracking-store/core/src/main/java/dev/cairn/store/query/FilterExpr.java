package dev.cairn.store.query;

import java.util.List;

/** The syntax tree of a filter. */
public sealed interface FilterExpr {

    /** All parts hold. */
    record And(List<FilterExpr> parts) implements FilterExpr {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds. */
    record Or(List<FilterExpr> parts) implements FilterExpr {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** The inner filter does not hold. */
    record Not(FilterExpr inner) implements FilterExpr {
    }

    /** {@code field op value}; false for runs without the field. */
    record Compare(Field field, CompareOp op, Literal value) implements FilterExpr {
    }

    /** {@code field [NOT] IN ('a', 'b')}; false for runs without the field. */
    record InList(Field field, boolean negated, List<Literal.Text> values) implements FilterExpr {
        public InList {
            values = List.copyOf(values);
        }
    }

    /** {@code field IS [NOT] NULL}: whether the run lacks (has) the field. */
    record NullCheck(Field field, boolean negated) implements FilterExpr {
    }
}
