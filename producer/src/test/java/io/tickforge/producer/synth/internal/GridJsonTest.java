package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.JsonCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GridJsonTest {

    private static final long TS = 1_767_225_600_123L;
    private static final DecimalGrid CENT = new DecimalGrid(0.01);
    private static final DecimalGrid UNIT = new DecimalGrid(1);
    private final GridJson json = new GridJson(2, 0);

    private static Tick randomTick(SplittableRandom r, String symbol) {
        double price = CENT.value(r.nextLong(1, 10_000_000));
        return new Tick(symbol, TS + r.nextInt(1_000_000), price, UNIT.value(r.nextLong(0, 100_000)),
                CENT.floor(price * 0.999), CENT.ceil(price * 1.001));
    }

    @Test
    void shouldDecodeToTheSameTickWhenReadByTheSchemasCodec() {
        SplittableRandom r = new SplittableRandom(1);
        byte[] prefix = GridJson.prefix("SYN-SIM-XHJ-0001");
        for (int i = 0; i < 10_000; i++) {
            Tick tick = randomTick(r, "SYN-SIM-XHJ-0001");

            assertThat(JsonCodec.tick().decode(json.tick(prefix, tick))).isEqualTo(tick);
        }
    }

    @Test
    void shouldWriteTheSameBytesAsJacksonWhenTheNumbersAreShortDecimals() {
        Tick tick = new Tick("SYN-SIM-XHJ-0001", TS, 85.03, 130.0, 85.02, 85.05);
        Bar bar = new Bar("SYN-SIM-XHJ-0001", TS, 1000, 85.03, 85.1, 84.97, 85.0, 1200.0, 0);
        byte[] prefix = GridJson.prefix("SYN-SIM-XHJ-0001");

        assertThat(new String(json.tick(prefix, tick), StandardCharsets.UTF_8))
                .isEqualTo(new String(JsonCodec.tick().encode(tick), StandardCharsets.UTF_8));
        assertThat(new String(json.bar(prefix, bar), StandardCharsets.UTF_8))
                .isEqualTo(new String(JsonCodec.bar().encode(bar), StandardCharsets.UTF_8));
    }

    @Test
    void shouldOmitTheQuoteWhenTheTickHasNone() {
        Tick tick = Tick.trade("SYN-A-0001", TS, 1.5, 0);

        assertThat(new String(json.tick(GridJson.prefix("SYN-A-0001"), tick), StandardCharsets.UTF_8))
                .isEqualTo("{\"symbol\":\"SYN-A-0001\",\"ts\":1767225600123,\"price\":1.5,\"size\":0.0}");
    }

    @Test
    void shouldDecodeToTheSameBarWhenReadByTheSchemasCodec() {
        SplittableRandom r = new SplittableRandom(2);
        byte[] prefix = GridJson.prefix("SYN-A-0001");
        for (int i = 0; i < 5_000; i++) {
            double open = CENT.value(r.nextLong(1, 1_000_000));
            double close = CENT.value(r.nextLong(1, 1_000_000));
            Bar bar = new Bar("SYN-A-0001", TS, 60_000, open, Math.max(open, close) + 0.07,
                    Math.max(0.01, Math.min(open, close) - 0.03), close, UNIT.value(r.nextLong(0, 1_000_000)), i);

            assertThat(JsonCodec.bar().decode(json.bar(prefix, bar))).isEqualTo(bar);
        }
    }

    @Test
    void shouldDecodeToTheSameTickWhenValuesAreOffTheGridOrExtreme() {
        byte[] prefix = GridJson.prefix("SYN-A-0001");
        for (Tick tick : new Tick[] {
            new Tick("SYN-A-0001", TS, 85.02634958529133, 0.3333333333333333, 1e-300, 3e12),
            new Tick("SYN-A-0001", TS, 1.7976931348623157e308, 1e300, 4.9e-324, Double.MAX_VALUE)}) {

            assertThat(JsonCodec.tick().decode(json.tick(prefix, tick))).isEqualTo(tick);
        }
    }

    @Test
    void shouldEscapeTheSymbolWhenItHoldsJsonSpecialCharacters() {
        Tick tick = Tick.trade("SYN-\"Q\\\u00e9-0001", TS, 10.25, 3);

        byte[] value = json.tick(GridJson.prefix(tick.symbol()), tick);

        assertThat(JsonCodec.tick().decode(value)).isEqualTo(tick);
        assertThat(value).isEqualTo(JsonCodec.tick().encode(tick));
    }
}
