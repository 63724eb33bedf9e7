package io.tickforge.cli.replay;

import io.tickforge.schemas.Bar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvBarReaderTest {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final ReplayConfig CONFIG = ReplayConfig.of("TEST", START);
    private static final long DAY = 86_400_000L;
    private static final String HEADER = "Open,High,Low,Close,Adj_Close,Volume\n";

    private static CsvBarReader reader(String csv, ReplayConfig config) {
        try {
            return new CsvBarReader(new StringReader(csv), "test.csv", config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CsvRow> rows(String csv) {
        return rows(csv, CONFIG);
    }

    private static List<CsvRow> rows(String csv, ReplayConfig config) {
        try (CsvBarReader reader = reader(csv, config)) {
            return reader.rows().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvRow.Rejected onlyRejection(String csv) {
        List<CsvRow> rows = rows(csv);
        assertThat(rows).hasSize(1).first().isInstanceOf(CsvRow.Rejected.class);
        return (CsvRow.Rejected) rows.get(0);
    }

    private static Bar onlyBar(String csv, ReplayConfig config) {
        List<CsvRow> rows = rows(csv, config);
        assertThat(rows).hasSize(1).first().isInstanceOf(CsvRow.Accepted.class);
        return ((CsvRow.Accepted) rows.get(0)).bar();
    }

    @Test
    void shouldKeepGoodBarsAndRejectEachBadLineWithItsNumberWhenFileHasMalformedLines() {
        String csv = HEADER
                + "10,11,9,10.5,10.5,1000\n"       // line 2: good
                + "10,abc,9,10.5,10.5,1000\n"      // line 3: non-numeric high
                + "10,8,9,10.5,10.5,1000\n"        // line 4: high < low
                + "10,11,9,10.5,10.5,-5\n"         // line 5: negative volume
                + "10,11,9\n"                      // line 6: values missing
                + "11,12,10,11.5,11.5,2000\n";     // line 7: good

        List<CsvRow> rows = rows(csv);

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows).filteredOn(CsvRow.Accepted.class::isInstance)
                .extracting(row -> ((CsvRow.Accepted) row).bar().close()).containsExactly(10.5, 11.5);
        assertThat(rows).filteredOn(CsvRow.Rejected.class::isInstance).map(CsvRow.Rejected.class::cast)
                .extracting(CsvRow.Rejected::line, CsvRow.Rejected::column, CsvRow.Rejected::value,
                        CsvRow.Rejected::problem)
                .containsExactly(
                        tuple(3L, "High", "abc", "is not a number"),
                        tuple(4L, "High", "8", "must be >= Low"),
                        tuple(5L, "Volume", "-5", "must be >= 0"),
                        tuple(6L, "Close", "", "is missing"));
    }

    @Test
    void shouldCountRejectionsByReasonWhenFileHasMalformedLines() {
        String csv = HEADER + "10,11,9,10.5,10.5,1000\n10,x,9,10,10,1\n10,y,9,10,10,1\n10,11,9,10,10,-1\n";
        try (CsvBarReader reader = reader(csv, CONFIG)) {
            reader.rows().forEach(row -> { });

            assertThat(reader.summary()).isEqualTo(new ReplaySummary(4, 1, 3,
                    Map.of("High is not a number", 2L, "Volume must be >= 0", 1L)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldNameColumnValueAndLineWhenRejectionIsRendered() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "10,8,9,10.5,10.5,1000\n");

        assertThat(rejection.message()).isEqualTo("line 2: High must be >= Low, was '8' (Low is 9)");
    }

    @Test
    void shouldRejectPriceWhenItIsNotPositive() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "0,11,9,10.5,10.5,1000\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::value, CsvRow.Rejected::problem)
                .containsExactly("Open", "0", "must be > 0");
    }

    @Test
    void shouldRejectLowWhenItIsAboveOpenOrClose() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "10,12,10.2,11,11,1000\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::problem)
                .containsExactly("Low", "must be <= Open and Close");
    }

    @Test
    void shouldRejectHighWhenItIsBelowOpenOrClose() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "10,10.5,9,11,11,1000\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::problem)
                .containsExactly("High", "must be >= Open and Close");
    }

    @Test
    void shouldRejectSpecialFloatingPointSpellingsWhenPricesUseThem() {
        assertThat(rows(HEADER + "NaN,11,9,10,10,1\n10,Infinity,9,10,10,1\n10,11,0x1p3,10,10,1\n10,11,9,10d,10,1\n"))
                .map(CsvRow.Rejected.class::cast).extracting(CsvRow.Rejected::problem).containsOnly("is not a number");
    }

    @Test
    void shouldRejectLineWhenItHasMoreFieldsThanHeader() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "10,11,9,10.5,10.5,1,000\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::problem, CsvRow.Rejected::detail)
                .containsExactly("line", "has more fields than the header", "7 fields, header has 6");
    }

    @Test
    void shouldRejectLineWhenQuoteIsNotClosed() {
        CsvRow.Rejected rejection = onlyRejection(HEADER + "10,\"11,9,10.5,10.5,1000\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::problem)
                .containsExactly("line", "has a quote that is not closed");
    }

    @Test
    void shouldReadQuotedFieldsWhenFieldsAreQuotedOrGrouped() {
        Bar bar = onlyBar("\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\n\"10\",\"11\",\"9\",\"10.5\",\"1,234,567\"\n",
                CONFIG);

        assertThat(bar.volume()).isEqualTo(1_234_567);
    }

    @Test
    void shouldSkipBlankLinesAndTolerateCrlfWhenLineEndingsAreWindows() {
        List<CsvRow> rows = rows("\uFEFFOpen,High,Low,Close\r\n\r\n10,11,9,10.5\r\n   \r\n11,12,10,11.5\r\n");

        assertThat(rows).allMatch(CsvRow.Accepted.class::isInstance).extracting(CsvRow::line).containsExactly(3L, 5L);
    }

    @Test
    void shouldSynthesiseStartsByDataRowWhenFileHasNoTimeColumn() {
        List<CsvRow> rows = rows(HEADER + "10,11,9,10.5,10.5,1\n\n10,bad,9,10.5,10.5,1\n10,11,9,10.5,10.5,1\n",
                CONFIG.withInterval(Duration.ofHours(1)));

        assertThat(rows).filteredOn(CsvRow.Accepted.class::isInstance)
                .extracting(row -> ((CsvRow.Accepted) row).bar().start())
                .containsExactly(START.toEpochMilli(), START.toEpochMilli() + 2 * 3_600_000L);
    }

    @Test
    void shouldMatchAliasesIgnoringCaseWhenHeaderUsesShortNames() {
        Bar bar = onlyBar("O,H,L,C,VOL,Trade_Count\n10,11,9,10.5,100,7\n", CONFIG);

        assertThat(bar).isEqualTo(new Bar("TEST", START.toEpochMilli(), DAY, 10, 11, 9, 10.5, 100, 7));
    }

    @Test
    void shouldTakeCloseNotAdjustedCloseWhenBothArePresent() {
        Bar bar = onlyBar("Adj Close,close,open,high,low\n5,10.5,10,11,9\n", CONFIG);

        assertThat(bar.close()).isEqualTo(10.5);
    }

    @Test
    void shouldReadStartFromTimeColumnWhenItHoldsIsoDatesDateTimesOrEpochNumbers() {
        String csv = "timestamp,open,high,low,close\n"
                + "2021-03-01,10,11,9,10\n"
                + "2021-03-02T14:30:00Z,10,11,9,10\n"
                + "2021-03-03 09:30:00,10,11,9,10\n"
                + "1614816000,10,11,9,10\n"
                + "1614902400000,10,11,9,10\n"
                + "20210306,10,11,9,10\n";

        List<CsvRow> rows = rows(csv, CONFIG.withZone(ZoneId.of("America/New_York")));

        assertThat(rows).allMatch(CsvRow.Accepted.class::isInstance)
                .extracting(row -> Instant.ofEpochMilli(((CsvRow.Accepted) row).bar().start()).toString())
                .containsExactly("2021-03-01T05:00:00Z", "2021-03-02T14:30:00Z", "2021-03-03T14:30:00Z",
                        "2021-03-04T00:00:00Z", "2021-03-05T00:00:00Z", "2021-03-06T05:00:00Z");
    }

    @Test
    void shouldRejectTimeWhenItIsNotRecognised() {
        CsvRow.Rejected rejection = onlyRejection("Date,Open,High,Low,Close\n03/01/2021,10,11,9,10\n");

        assertThat(rejection).extracting(CsvRow.Rejected::column, CsvRow.Rejected::value, CsvRow.Rejected::problem)
                .containsExactly("Date", "03/01/2021", "is not an ISO-8601 date, date-time or epoch number");
    }

    @Test
    void shouldRejectBarWhenItDoesNotStartAfterThePreviousBarOfItsSymbol() {
        List<CsvRow> rows = rows("Date,Symbol,Open,High,Low,Close\n"
                + "2021-03-02,AAA,10,11,9,10\n"
                + "2021-03-01,BBB,10,11,9,10\n"
                + "2021-03-01,AAA,10,11,9,10\n", CONFIG);

        assertThat(rows).extracting(row -> row.getClass().getSimpleName())
                .containsExactly("Accepted", "Accepted", "Rejected");
        assertThat(((CsvRow.Rejected) rows.get(2)).problem()).isEqualTo("must be after the previous bar of the same symbol");
    }

    @Test
    void shouldTakeSymbolFromColumnAndFillBlanksFromConfigWhenFileHasSymbolColumn() {
        List<CsvRow> rows = rows("Symbol,Open,High,Low,Close\nAAA,10,11,9,10\n,10,11,9,10\n", CONFIG);

        assertThat(rows).extracting(row -> ((CsvRow.Accepted) row).bar().symbol()).containsExactly("AAA", "TEST");
    }

    @Test
    void shouldRejectSymbolWhenItIsNotAValidBarSymbol() {
        List<CsvRow> rows = rows("Symbol,Open,High,Low,Close\nA B,10,11,9,10\n", CONFIG);

        assertThat(rows).first().isInstanceOf(CsvRow.Rejected.class)
                .extracting(row -> ((CsvRow.Rejected) row).column()).isEqualTo("Symbol");
    }

    @Test
    void shouldFailNamingMissingColumnsWhenHeaderLacksRequiredOnes() {
        assertThatThrownBy(() -> reader("Open,High,Adj_Close,Volume\n1,2,3,4\n", CONFIG))
                .isInstanceOf(CsvHeaderException.class)
                .hasMessageContaining("has no column for low, close")
                .hasMessageContaining("header was: Open,High,Adj_Close,Volume")
                .extracting(e -> ((CsvHeaderException) e).missingColumns()).isEqualTo(List.of("low", "close"));
    }

    @Test
    void shouldFailNamingBothColumnsWhenTwoColumnsFeedTheSameField() {
        assertThatThrownBy(() -> reader("Date,Time,Open,High,Low,Close\n", CONFIG))
                .isInstanceOf(CsvHeaderException.class)
                .hasMessageContaining("two columns for time: 'Date' and 'Time'");
    }

    @Test
    void shouldFailWhenNeitherFileNorConfigGivesASymbol() {
        assertThatThrownBy(() -> reader(HEADER, ReplayConfig.of(null, START)))
                .isInstanceOf(CsvHeaderException.class)
                .hasMessageContaining("no symbol column").hasMessageContaining("--symbol");
    }

    @Test
    void shouldFailWhenFileIsEmpty() {
        assertThatThrownBy(() -> reader("\n\n", CONFIG))
                .isInstanceOf(CsvHeaderException.class)
                .hasMessageContaining("is empty");
    }
}
