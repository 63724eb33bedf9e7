package io.tickforge.producer;

import io.tickforge.producer.follow.ModelsConfig;
import io.tickforge.producer.publish.PublishConfig;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.producer.rate.RateSchedule;
import io.tickforge.producer.synth.OutputMode;
import io.tickforge.producer.synth.Pace;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.TimeConfig;
import io.tickforge.schemas.codec.WireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProduceConfigTest {

    private static void rejects(Executable make, String field, String value) {
        assertThatThrownBy(make::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field).hasMessageContaining(value);
    }

    @Test
    void shouldHoldTheDocumentedDefaultsWhenBuiltFromDefaults() {
        ProduceConfig c = ProduceConfig.defaults();

        assertThat(c.topics()).isEqualTo(new TopicsConfig("synthetic.ticks", "tickforge.models"));
        assertThat(c.models()).isEqualTo(new ModelsConfig(Set.of(), null, true));
        assertThat(c.synth()).isEqualTo(new SynthConfig(10, "SYN-{symbol}-{index:04d}", OutputMode.TICKS,
                WireFormat.JSON, 100.0, 42L, Duration.ofSeconds(1), 10, 1, 0.01, 1.0));
        assertThat(c.time()).isEqualTo(new TimeConfig(Pace.REALTIME, null));
        assertThat(c.rate().schedule()).isEqualTo(new RateSchedule.Constant(1000));
        assertThat(c.publish()).isEqualTo(new PublishConfig(10_000, Duration.ofSeconds(30)));
    }

    @Test
    void shouldNameTheTopicFieldWhenATopicIsInvalid() {
        rejects(() -> TopicsConfig.defaults().withOutput("bad topic"), "topics.output", "bad topic");
        rejects(() -> TopicsConfig.defaults().withModels(""), "topics.models", "got ");
        rejects(() -> new TopicsConfig("same", "same"), "topics.output must differ", "same");
    }

    @Test
    void shouldNameTheModelsFieldWhenModelsAreMisconfigured() {
        rejects(() -> ModelsConfig.defaults().withNames(Set.of("a b")), "models.names", "a b");
        rejects(() -> ModelsConfig.defaults().withFollow(false), "models.modelFile", "models.follow");
    }

    @Test
    void shouldNameTheSynthFieldWhenAValueIsOutOfRange() {
        SynthConfig d = SynthConfig.defaults();
        rejects(() -> d.withInstruments(0), "synth.instruments", "0");
        rejects(() -> d.withNamePattern("SYN-{symbol}"), "synth.namePattern", "SYN-{symbol}");
        rejects(() -> d.withStartPrice(-1), "synth.startPrice", "-1");
        rejects(() -> d.withBarInterval(Duration.ZERO), "synth.barInterval", "PT0S");
        rejects(() -> d.withTicksPerBar(3), "synth.ticksPerBar", "3");
        rejects(() -> d.withFirstIndex(-2), "synth.firstIndex", "-2");
        rejects(() -> d.withPriceIncrement(0), "synth.priceIncrement", "0.0");
        rejects(() -> d.withPriceIncrement(0.000000001), "synth.priceIncrement", "1.0E-9");
        rejects(() -> d.withPriceIncrement(500), "synth.priceIncrement", "500.0");
        rejects(() -> d.withLotSize(-1), "synth.lotSize", "-1.0");
        rejects(() -> d.withLotSize(0.123456789), "synth.lotSize", "0.123456789");
        rejects(() -> OutputMode.parse("candles"), "synth.output", "candles");
    }

    @Test
    void shouldNameTheTimeFieldWhenAStartIsGivenToRealtimePace() {
        rejects(() -> new TimeConfig(Pace.REALTIME, Instant.parse("2026-01-01T00:00:00Z")), "time.start",
                "2026-01-01T00:00:00Z");
        rejects(() -> TimeConfig.max(Instant.parse("1960-01-01T00:00:00Z")), "time.start", "1960");
        rejects(() -> Pace.parse("slow"), "time.pace", "slow");
    }

    @Test
    void shouldQuoteTheRateTextWhenItIsNotASchedule() {
        rejects(() -> RateConfig.parse("1000/s"), "rate", "\"1000/s\"");
    }

    @Test
    void shouldNameThePublishFieldWhenAValueIsOutOfRange() {
        rejects(() -> PublishConfig.defaults().withMaxInFlight(0), "publish.maxInFlight", "0");
        rejects(() -> PublishConfig.defaults().withCloseTimeout(Duration.ofSeconds(-1)), "publish.closeTimeout",
                "PT-1S");
    }

    @Test
    void shouldReplaceOnePartWhenCopiedWithANewPart() {
        ProduceConfig c = ProduceConfig.defaults().withRate(RateConfig.parse("max"))
                .withTime(TimeConfig.max(null));

        assertThat(c.rate().schedule().unlimited()).isTrue();
        assertThat(c.time().pace()).isEqualTo(Pace.MAX);
        assertThat(c.synth()).isEqualTo(SynthConfig.defaults());
    }
}
