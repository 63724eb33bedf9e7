package io.tickforge.timegan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTableTest {

    private static TimeSeriesTable read(String csv, List<String> columns) throws IOException {
        return TimeSeriesTable.readCsv(new StringReader(csv), "test.csv", columns);
    }

    @Test
    void shouldLoadEveryRowAndColumnWhenReadingTheSharedStockCsv() throws IOException {
        TimeSeriesTable table = TimeSeriesTable.readCsv(SharedData.stockCsv());
        assertThat(table.rows()).isEqualTo(3685);
        assertThat(table.featureNames()).containsExactly("Open", "High", "Low", "Close", "Adj_Close", "Volume");
    }

    @Test
    void shouldKeepTheFileOrderWhenReadingTheSharedStockCsv() throws IOException {
        TimeSeriesTable table = TimeSeriesTable.readCsv(SharedData.stockCsv());
        assertThat(table.value(0, 0)).isEqualTo(49.676899);
        assertThat(table.value(0, 5)).isEqualTo(44994500);
    }

    @Test
    void shouldSkipBlankLinesWhenReading() throws IOException {
        TimeSeriesTable table = read("a,b\n1,2\n\n   \n3,4\n", List.of());
        assertThat(table.toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void shouldNameLineColumnAndValueWhenACellIsNotANumber() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\n3,x4\n", List.of())).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 4").hasMessageContaining("column b").hasMessageContaining("'x4'");
    }

    @Test
    void shouldRejectNonFiniteCellsWhenReading() {
        assertThatThrownBy(() -> read("a\nNaN\n", List.of())).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("finite");
    }

    @Test
    void shouldNameTheLineWhenARowHasTooFewCells() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n", List.of())).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("found 1");
    }

    @Test
    void shouldKeepOnlyTheNamedColumnsInTheGivenOrderWhenColumnsAreChosen() throws IOException {
        TimeSeriesTable table = read("date,a,b\n2020-01-01,1,2\n", List.of("b", "a"));
        assertThat(table.featureNames()).containsExactly("b", "a");
        assertThat(table.toArray()).isDeepEqualTo(new double[][] {{2, 1}});
    }

    @Test
    void shouldNameTheColumnWhenAChosenColumnIsMissing() {
        assertThatThrownBy(() -> read("a,b\n1,2\n", List.of("c"))).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("column c").hasMessageContaining("not found");
    }

    @Test
    void shouldNameTheLineAndColumnWhenTheHeaderRepeatsAName() {
        assertThatThrownBy(() -> read("\na,b,a\n1,2,3\n", List.of())).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("column a").hasMessageContaining("unique");
    }

    @Test
    void shouldHoldOutTheMostRecentRowsWhenSplittingChronologically() throws IOException {
        TimeSeriesTable table = read("a\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", List.of());
        HeldOut<TimeSeriesTable> split = table.splitChronologically(0.2);
        assertThat(split.train().toArray()).isDeepEqualTo(new double[][] {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}});
        assertThat(split.validation().toArray()).isDeepEqualTo(new double[][] {{9}, {10}});
    }

    @Test
    void shouldNameTheFieldWhenTheValidationFractionIsOutOfRange() throws IOException {
        TimeSeriesTable table = read("a\n1\n2\n", List.of());
        assertThatThrownBy(() -> table.splitChronologically(1.0)).hasMessageContaining("validationFraction")
                .hasMessageContaining("1.0");
    }
}
