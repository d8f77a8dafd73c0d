package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {
    @Test
    void fastNumberPathAgreesWithParseDouble() {
        for (String s : List.of("0", "-0.5", "123.456", "0.1", "99999999999999.9", "1e5", "-2.5E-3", "+7",
                "3.141592653589793", "0.30000000000000004", "12345678901234567890")) {
            assertThat(Values.parseNumber(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
        for (String s : List.of("abc", "1.2.3", "-", ".", "1,5", "0x10", "1d", "NaN")) {
            assertThat(Values.parseNumber(s)).as(s).isNaN();
        }
    }

    @Test
    void inferenceChoosesBooleanNumericDateOrCategorical() {
        List<String[]> rows = List.of(new String[] {"true", "1", "2026-01-01", "a", ""},
                new String[] {"no", "2.5", "2026-01-02 10:00:00", "1", ""}, new String[] {"", "NA", "", "b", "NA"});
        assertThat(TypeInference.infer(rows, 0)).isEqualTo(ColumnType.BOOLEAN);
        assertThat(TypeInference.infer(rows, 1)).isEqualTo(ColumnType.NUMERIC);
        assertThat(TypeInference.infer(rows, 2)).isEqualTo(ColumnType.DATETIME);
        assertThat(TypeInference.infer(rows, 3)).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(TypeInference.infer(rows, 4)).isEqualTo(ColumnType.CATEGORICAL);
    }
}
