package io.tickforge.cli.replay;

import io.tickforge.schemas.Bar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays {@code ../shared/data/stock_data.csv}: Google daily OHLCV, 3,685 rows, oldest first, no date column. */
class StockDataReplayTest {
    private static final Instant START = Instant.parse("2004-08-19T00:00:00Z");

    private static final List<CsvRow> rows = new ArrayList<>();
    private static ReplaySummary summary;
    private static List<String> ignored;

    @BeforeAll
    static void replay() throws IOException {
        try (CsvBarReader reader = CsvBarReader.open(SharedData.stockDataCsv(), ReplayConfig.of("GOOG", START))) {
            reader.rows().forEach(rows::add);
            summary = reader.summary();
            ignored = reader.ignoredColumns();
        }
    }

    private static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (CsvRow row : rows) {
            if (row instanceof CsvRow.Accepted accepted) {
                bars.add(accepted.bar());
            }
        }
        return bars;
    }

    @Test
    void shouldAcceptEveryRowWhenReplayingStockData() {
        assertThat(summary).isEqualTo(new ReplaySummary(3_685, 3_685, 0, Map.of()));
    }

    @Test
    void shouldSynthesiseStrictlyIncreasingDailyStartsWhenFileHasNoDateColumn() {
        List<Bar> bars = bars();

        assertThat(bars.get(0).start()).isEqualTo(START.toEpochMilli());
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).start() - bars.get(i - 1).start()).as("bar %d", i)
                    .isEqualTo(Duration.ofDays(1).toMillis());
        }
    }

    @Test
    void shouldMapOpenHighLowCloseVolumeInFileOrderWhenReplayingStockData() {
        List<Bar> bars = bars();

        assertThat(bars.get(0)).isEqualTo(new Bar("GOOG", START.toEpochMilli(), 86_400_000L, 49.676899, 51.693783,
                47.669952, 49.845802, 44_994_500, 0));
        assertThat(bars.get(bars.size() - 1).close()).isEqualTo(1197.25);
        assertThat(rows.get(rows.size() - 1).line()).isEqualTo(3_686);
    }

    @Test
    void shouldIgnoreAdjustedCloseWhenReplayingStockData() {
        assertThat(ignored).containsExactly("Adj_Close");
    }
}
