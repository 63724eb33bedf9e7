package io.tickforge.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class TickTest {
    /** MATHEMATICAL BOLD CAPITAL A: one code point, two UTF-16 units. */
    private static final String OUTSIDE_BMP = "\uD835\uDC00";

    @Test
    void shouldAcceptTheSymbolWhenItHas64CodePointsOutsideTheBasicPlane() {
        String symbol = OUTSIDE_BMP.repeat(64);

        assertThat(Tick.trade(symbol, Samples.TS, 1.0, 1.0).symbol()).isEqualTo(symbol);
    }

    @Test
    void shouldRejectTheSymbolWhenItHas65CodePoints() {
        String symbol = OUTSIDE_BMP.repeat(65);

        assertThatThrownBy(() -> Tick.trade(symbol, Samples.TS, 1.0, 1.0))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("symbol");
    }

    @Test
    void shouldHaveNoQuoteWhenCreatedAsATrade() {
        Tick tick = Tick.trade("AAPL", Samples.TS, 1.0, 1.0);

        assertThat(tick.bid()).isNull();
        assertThat(tick.ask()).isNull();
    }
}
