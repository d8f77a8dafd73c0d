package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnType;

import java.util.List;

/** Decides a column's type from its first rows: boolean, numeric, date-time, else categorical. */
public final class TypeInference {
    private TypeInference() {
    }

    static ColumnType infer(List<String[]> rows, int column) {
        boolean bool = true;
        boolean number = true;
        boolean date = true;
        boolean any = false;
        for (String[] row : rows) {
            String text = row[column];
            if (Values.isMissing(text)) {
                continue;
            }
            any = true;
            bool = bool && Values.parseBoolean(text) != null;
            number = number && !Double.isNaN(Values.parseNumber(text));
            date = date && !Double.isNaN(Values.parseDateTime(text));
            if (!bool && !number && !date) {
                return ColumnType.CATEGORICAL;
            }
        }
        if (!any) {
            return ColumnType.CATEGORICAL;
        }
        if (bool) {
            return ColumnType.BOOLEAN;
        }
        return number ? ColumnType.NUMERIC : date ? ColumnType.DATETIME : ColumnType.CATEGORICAL;
    }
}
