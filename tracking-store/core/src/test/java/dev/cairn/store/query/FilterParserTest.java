package dev.cairn.store.query;

import dev.cairn.store.model.MetricAggregate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterParserTest {

    private static FilterExpr.Compare cmp(String filter) {
        FilterExpr e = FilterParser.parse(filter);
        assertThat(e).isInstanceOf(FilterExpr.Compare.class);
        return (FilterExpr.Compare) e;
    }

    @Test
    void readsMlflowDocumentationExamples() {
        assertThat(cmp("metrics.accuracy > 0.92")).isEqualTo(new FilterExpr.Compare(
                new Field.Metric("accuracy", MetricAggregate.LAST), CompareOp.GT, new Literal.Number(0.92, "0.92")));
        FilterExpr and = FilterParser.parse(
                "params.model = \"LogisticRegression\" and params.lambda = \"0.001\" and metrics.error <= 0.05");
        assertThat(and).isEqualTo(new FilterExpr.And(List.of(
                new FilterExpr.Compare(new Field.Param("model"), CompareOp.EQ, new Literal.Text("LogisticRegression")),
                new FilterExpr.Compare(new Field.Param("lambda"), CompareOp.EQ, new Literal.Text("0.001")),
                new FilterExpr.Compare(new Field.Metric("error", MetricAggregate.LAST), CompareOp.LE,
                        new Literal.Number(0.05, "0.05")))));
        assertThat(cmp("attributes.status = \"FAILED\"").field()).isEqualTo(new Field.Attr(Attribute.STATUS));
        assertThat(cmp("params.\"model-type\" = 'x'").field()).isEqualTo(new Field.Param("model-type"));
        assertThat(cmp("metrics.\"error rate\" < 1").field())
                .isEqualTo(new Field.Metric("error rate", MetricAggregate.LAST));
        assertThat(cmp("metrics.\"2019-04-02 error rate\" < 1").field())
                .isEqualTo(new Field.Metric("2019-04-02 error rate", MetricAggregate.LAST));
        assertThat(cmp("tags.\"mlflow.runName\" = \"keras-hyperparam-search\"").field())
                .isEqualTo(new Field.Tag("mlflow.runName"));
        assertThat(cmp("metrics.'prediction accuracy' >= 0.945").field())
                .isEqualTo(new Field.Metric("prediction accuracy", MetricAggregate.LAST));
        assertThat(cmp("metrics.accuracy_score < 99.90").value()).isEqualTo(new Literal.Number(99.9, "99.90"));
        assertThat(FilterParser.parse("attributes.run_id IN ('a', 'b')")).isEqualTo(new FilterExpr.InList(
                new Field.Attr(Attribute.RUN_ID), false, List.of(new Literal.Text("a"), new Literal.Text("b"))));
        assertThat(cmp("datasets.digest = 'abc'").field()).isEqualTo(new Field.Dataset(DatasetColumn.DIGEST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "metric.a > 1            | metric",
        "metrics.a > 1           | metric",
        "param.a = 'x'           | param",
        "parameter.a = 'x'       | param",
        "parameters.a = 'x'      | param",
        "tag.a = 'x'             | tag",
        "`tags`.a = 'x'          | tag",
        "attr.status = 'x'       | attr",
        "run.status = 'x'        | attr",
        "attribute.status = 'x'  | attr",
        "status = 'x'            | attr",
        "dataset.name = 'x'      | dataset",
    })
    void acceptsMlflowKindAliases(String filter, String kind) {
        Field f = cmp(filter).field();
        String actual = f instanceof Field.Metric ? "metric" : f instanceof Field.Param ? "param"
                : f instanceof Field.Tag ? "tag" : f instanceof Field.Attr ? "attr" : "dataset";
        assertThat(actual).isEqualTo(kind);
    }

    @Test
    void attributeAliasesMapToTheSameAttribute() {
        assertThat(cmp("attributes.created > 5").field()).isEqualTo(new Field.Attr(Attribute.START_TIME));
        assertThat(cmp("Created > 5").field()).isEqualTo(new Field.Attr(Attribute.START_TIME));
        assertThat(cmp("attributes.`Run name` = 'a'").field()).isEqualTo(new Field.Attr(Attribute.RUN_NAME));
        assertThat(cmp("run_name = 'a'").field()).isEqualTo(new Field.Attr(Attribute.RUN_NAME));
        assertThat(cmp("attributes.user = 'a'").field()).isEqualTo(new Field.Attr(Attribute.USER_ID));
        assertThat(cmp("attributes.duration > 5").field()).isEqualTo(new Field.Attr(Attribute.DURATION));
    }

    @Test
    void quotedAndUnquotedKeysWithDotsSlashesAndSpaces() {
        assertThat(cmp("metrics.val/loss < 1").field()).isEqualTo(new Field.Metric("val/loss", MetricAggregate.LAST));
        assertThat(cmp("params.model-type = 'x'").field()).isEqualTo(new Field.Param("model-type"));
        assertThat(cmp("tags.`team name` = 'x'").field()).isEqualTo(new Field.Tag("team name"));
        assertThat(cmp("tags.mlflow.runName = 'x'").field()).isEqualTo(new Field.Tag("mlflow.runName"));
        assertThat(cmp("params.`it``s` = 'x'").field()).isEqualTo(new Field.Param("it`s"));
        assertThat(cmp("params.a.min = 'x'").field()).isEqualTo(new Field.Param("a.min"));
    }

    @Test
    void metricAggregatesFollowTheDocumentedRule() {
        assertThat(cmp("metrics.loss.min < 1").field()).isEqualTo(new Field.Metric("loss", MetricAggregate.MIN));
        assertThat(cmp("metrics.loss.MAX < 1").field()).isEqualTo(new Field.Metric("loss", MetricAggregate.MAX));
        assertThat(cmp("metrics.loss.last < 1").field()).isEqualTo(new Field.Metric("loss", MetricAggregate.LAST));
        assertThat(cmp("metrics.val.acc < 1").field()).isEqualTo(new Field.Metric("val.acc", MetricAggregate.LAST));
        assertThat(cmp("metrics.val.acc.max < 1").field())
                .isEqualTo(new Field.Metric("val.acc", MetricAggregate.MAX));
        assertThat(cmp("metrics.\"loss.min\" < 1").field())
                .isEqualTo(new Field.Metric("loss.min", MetricAggregate.LAST));
        assertThat(cmp("metrics.\"loss.min\".max < 1").field())
                .isEqualTo(new Field.Metric("loss.min", MetricAggregate.MAX));
        assertThat(cmp("metrics.min < 1").field()).isEqualTo(new Field.Metric("min", MetricAggregate.LAST));
    }

    @Test
    void numbersAndSpecialValues() {
        assertThat(cmp("metrics.a > 1e-3").value()).isEqualTo(new Literal.Number(0.001, "1e-3"));
        assertThat(((Literal.Number) cmp("metrics.a > -2.5E+2").value()).value()).isEqualTo(-250.0);
        assertThat(((Literal.Number) cmp("metrics.a > .5").value()).value()).isEqualTo(0.5);
        assertThat(((Literal.Number) cmp("metrics.a>-1").value()).value()).isEqualTo(-1.0);
        assertThat(((Literal.Number) cmp("metrics.a = NaN").value()).value()).isNaN();
        assertThat(((Literal.Number) cmp("metrics.a < inf").value()).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((Literal.Number) cmp("metrics.a > -Infinity").value()).value())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(cmp("params.a = 'it''s'").value()).isEqualTo(new Literal.Text("it's"));
        assertThat(cmp("params.a = \"say \"\"hi\"\"\"").value()).isEqualTo(new Literal.Text("say \"hi\""));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        FilterExpr a = cmp("metrics.a > 1");
        FilterExpr b = cmp("metrics.b > 1");
        FilterExpr c = cmp("metrics.c > 1");
        assertThat(FilterParser.parse("metrics.a > 1 OR metrics.b > 1 AND NOT metrics.c > 1"))
                .isEqualTo(new FilterExpr.Or(List.of(a, new FilterExpr.And(List.of(b, new FilterExpr.Not(c))))));
        assertThat(FilterParser.parse("(metrics.a > 1 or metrics.b > 1) and not not metrics.c > 1"))
                .isEqualTo(new FilterExpr.And(List.of(new FilterExpr.Or(List.of(a, b)),
                        new FilterExpr.Not(new FilterExpr.Not(c)))));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(FilterParser.parse("params.a like 'x%'")).isEqualTo(
                new FilterExpr.Compare(new Field.Param("a"), CompareOp.LIKE, new Literal.Text("x%")));
        assertThat(FilterParser.parse("params.a IlIkE 'x%'")).isEqualTo(
                new FilterExpr.Compare(new Field.Param("a"), CompareOp.ILIKE, new Literal.Text("x%")));
        assertThat(FilterParser.parse("params.a not in ('x')")).isEqualTo(
                new FilterExpr.InList(new Field.Param("a"), true, List.of(new Literal.Text("x"))));
        assertThat(FilterParser.parse("tags.a is not null")).isEqualTo(
                new FilterExpr.NullCheck(new Field.Tag("a"), true));
        assertThat(FilterParser.parse("tags.a IS NULL")).isEqualTo(
                new FilterExpr.NullCheck(new Field.Tag("a"), false));
        assertThat(cmp("metrics.a <> 1").op()).isEqualTo(CompareOp.NE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "metrics.acc 0.5              | 13 | expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL) after 'metrics.acc', found '0.5'",
        "metrics.acc >                | 14 | expected a value (a quoted string or a number) after 'metrics.acc >', found the end of the filter",
        "metrics.acc > 'x'            | 15 | expected a number after 'metrics.acc >', found 'x'",
        "params.x = '5' AND           | 19 | expected a comparison such as metrics.acc > 0.9 or params.optimizer = 'adam', found the end of the filter",
        "(metrics.a > 1               | 15 | expected ')' to close the '(' at column 1, found the end of the filter",
        "metrics.a > 1)               | 14 | expected AND, OR or the end of the filter (unbalanced ')'), found ')'",
        "foo.bar = 'x'                | 1  | unknown name 'foo.bar': expected metrics.<key>, params.<key>, tags.<key>, attributes.<name> or datasets.<name>",
        "params.x = 'abc              | 12 | unterminated string: expected a closing '",
        "metrics.a LIKE 'x%'          | 1  | LIKE cannot be used with 'metrics.a', which is a number; use =, !=, <, <=, >, >=",
        "tags.t = 5                   | 10 | expected a quoted string after 'tags.t =', found '5' (write it as '5')",
        "metrics.a > 1 # x            | 15 | unexpected character '#'",
        "metrics. > 1                 | 9  | expected a name after 'metrics.' (quote names with spaces or symbols: metrics.\"my name\")",
        "params.x IN 'a'              | 13 | expected '(' after 'params.x IN', found 'a'",
        "params.x NOT IN ('a' 'b')    | 22 | expected ',' or ')' in the list after 'params.x NOT IN', found 'b'",
        "metrics.\"a\".foo > 1        | 1  | unknown metric aggregate '.foo' in 'metrics.\"a\".foo': expected .min, .max or .last",
        "params.x IS 5                | 13 | expected NULL after 'params.x IS', found '5'",
        "metrics.a > 1 metrics.b > 2  | 15 | expected AND, OR or the end of the filter, found 'metrics.b'",
        "start_time > 'yesterday'     | 14 | expected a number after 'start_time >', found 'yesterday'",
        "metrics.a ! 1                | 11 | unexpected character '!' (did you mean '!='?)",
        "AND metrics.a > 1            | 1  | expected a comparison such as metrics.acc > 0.9 or params.optimizer = 'adam', found 'AND'",
        "metrics.a > 1e               | 13 | malformed number '1e'",
        "params.x < '0.1'             | 12 | < needs a number, but 'params.x' is compared with the string '0.1'; to compare a param as a number, leave the number unquoted, e.g. params.x < 0.01",
        "status IN (1)                | 12 | expected a quoted string in the list after 'status IN', found '1'",
        "metrics.a IN ('x')           | 11 | IN cannot be used with 'metrics.a', which is a number; use =, !=, <, <=, >, >=",
        "metrics.`a`.min.max > 1      | 16 | unexpected character '.'",
    })
    void malformedFiltersNameColumnAndExpectation(String filter, int column, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).isEqualTo("column " + column + ": " + message);
                });
    }

    @Test
    void unknownAttributeListsTheValidOnes() {
        assertThatThrownBy(() -> FilterParser.parse("attributes.colour = 'x'"))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageStartingWith("column 1: unknown attribute 'colour'; valid attributes: artifact_uri, "
                        + "duration, end_time, experiment")
                .hasMessageContaining("run_id, run_name, source_commit, source_program, start_time, status, "
                        + "user_id");
    }

    @Test
    void orderClausesParse() {
        assertThat(OrderParser.parse("metrics.loss.min ASC"))
                .isEqualTo(new OrderKey(new Field.Metric("loss", MetricAggregate.MIN), false));
        assertThat(OrderParser.parse("metrics.acc desc"))
                .isEqualTo(new OrderKey(new Field.Metric("acc", MetricAggregate.LAST), true));
        assertThat(OrderParser.parse("params.lr")).isEqualTo(new OrderKey(new Field.Param("lr"), false));
        assertThat(OrderParser.parse("tags.`team name` DESC"))
                .isEqualTo(new OrderKey(new Field.Tag("team name"), true));
        assertThat(OrderParser.parse("start_time DESC"))
                .isEqualTo(new OrderKey(new Field.Attr(Attribute.START_TIME), true));
        assertThat(OrderParser.parse("name")).isEqualTo(new OrderKey(new Field.Attr(Attribute.RUN_NAME), false));
        assertThat(OrderParser.parse("attributes.duration"))
                .isEqualTo(new OrderKey(new Field.Attr(Attribute.DURATION), false));
    }

    @Test
    void invalidOrderClausesAreClearErrors() {
        assertThatThrownBy(() -> OrderParser.parse(List.of("metrics.loss sideways")))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> assertThat(e.column()).isEqualTo(14))
                .hasMessage("column 14: expected ASC, DESC or the end of the order-by clause after 'metrics.loss', "
                        + "found 'sideways' (in order-by clause 'metrics.loss sideways')");
        assertThatThrownBy(() -> OrderParser.parse(List.of("datasets.name")))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("cannot order by 'datasets.name'");
        assertThatThrownBy(() -> OrderParser.parse(List.of("")))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("expected a name to order by");
        assertThatThrownBy(() -> OrderParser.parse(List.of("colour")))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("unknown attribute 'colour'");
    }

    /** Found by FilterFuzzTest: digits of other scripts threw NumberFormatException out of the lexer. */
    @Test
    void digitsOfOtherScriptsAndHugeNumbersAreSyntaxErrors() {
        for (String filter : new String[] {"metrics.loss < \u0667", "metrics.loss < 1\u0667", "\u0667 = 1"}) {
            assertThatThrownBy(() -> FilterParser.parse(filter)).as(filter).isInstanceOf(FilterSyntaxException.class)
                    .hasMessageStartingWith("column ");
        }
        assertThatThrownBy(() -> FilterParser.parse("metrics.loss < 1e400")).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("column 16").hasMessageContaining("too large");
    }
}
