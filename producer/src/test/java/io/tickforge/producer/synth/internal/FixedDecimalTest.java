package io.tickforge.producer.synth.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedDecimalTest {

    @Test
    void shouldWriteTheShortDecimalWhenTheValueIsOnTheGrid() {
        assertThat(FixedDecimal.toString(85.03, 2)).isEqualTo("85.03");
        assertThat(FixedDecimal.toString(85.1, 2)).isEqualTo("85.1");
        assertThat(FixedDecimal.toString(100.0, 2)).isEqualTo("100.0");
        assertThat(FixedDecimal.toString(0.01, 2)).isEqualTo("0.01");
        assertThat(FixedDecimal.toString(0.0001, 4)).isEqualTo("0.0001");
        assertThat(FixedDecimal.toString(12.25, 2)).isEqualTo("12.25");
        assertThat(FixedDecimal.toString(7.5, 1)).isEqualTo("7.5");
        assertThat(FixedDecimal.toString(130.0, 0)).isEqualTo("130.0");
        assertThat(FixedDecimal.toString(0.0, 2)).isEqualTo("0.0");
        assertThat(FixedDecimal.toString(-12.5, 2)).isEqualTo("-12.5");
        assertThat(FixedDecimal.toString(12_345_678.91, 2)).isEqualTo("12345678.91");
    }

    @Test
    void shouldReadBackTheSameDoubleWhenGridValuesOfEveryStepAreWritten() {
        SplittableRandom r = new SplittableRandom(5);
        for (String step : new String[] {"0.01", "0.0001", "0.5", "0.25", "0.05", "1", "5", "100", "0.00000001"}) {
            DecimalGrid grid = new DecimalGrid(Double.parseDouble(step));
            for (int i = 0; i < 20_000; i++) {
                double v = grid.value(r.nextLong(1, 2_000_000_000L) / (i % 2 == 0 ? 1 : 10_000));
                String s = FixedDecimal.toString(v, grid.scale());

                assertThat(Double.parseDouble(s)).as("%s step %s", s, step).isEqualTo(v);
                assertThat(s).as("step %s", step).doesNotContain("E");
                assertThat(new BigDecimal(s).scale()).isLessThanOrEqualTo(Math.max(1, grid.scale()));
            }
        }
    }

    @Test
    void shouldFallBackToDoubleToStringWhenTheValueIsOffTheGrid() {
        assertThat(FixedDecimal.toString(85.02634958529133, 2)).isEqualTo(Double.toString(85.02634958529133));
        assertThat(FixedDecimal.toString(0.1 + 0.2, 2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void shouldFallBackToDoubleToStringWhenTheValueIsHugeOrTiny() {
        assertThat(FixedDecimal.toString(1e300, 2)).isEqualTo("1.0E300");
        assertThat(FixedDecimal.toString(9.007199254740993E15, 2)).isEqualTo(Double.toString(9.007199254740993E15));
        assertThat(FixedDecimal.toString(1e-300, 2)).isEqualTo("1.0E-300");
        assertThat(FixedDecimal.toString(3e-9, 8)).isEqualTo("3.0E-9");
        assertThat(FixedDecimal.toString(-0.0, 2)).isEqualTo("-0.0");
    }

    @Test
    void shouldRefuseNonFiniteValuesWhenWriting() {
        assertThatThrownBy(() -> FixedDecimal.toString(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> FixedDecimal.toString(1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale").hasMessageContaining("10");
    }

    @Test
    void shouldWriteLongsLikeLongToStringWhenWritingIntegers() {
        byte[] b = new byte[24];
        for (long v : new long[] {0, 7, -7, 10, 1_767_225_600_000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            int end = FixedDecimal.writeLong(b, 0, v);

            assertThat(new String(b, 0, end, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
        }
    }
}
