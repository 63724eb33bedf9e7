package io.tickforge.producer;

import io.tickforge.producer.follow.ModelsConfig;
import io.tickforge.producer.publish.PublishConfig;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.TimeConfig;

import java.util.Objects;

/**
 * Everything the producer service depends on, one record per concern, each validated in its constructor with
 * messages that name the field. Kafka client settings are not in here: the CLI builds them in one place and passes
 * the clients through {@link ProducerKafka}.
 *
 * @param topics  the output topic and the model topic
 * @param models  which models to serve: a names filter, a model file, whether to follow the model topic
 * @param synth   instruments per model, their names, bars or ticks, the wire format, start price, seed, fallback bar
 *                interval, ticks per bar, first instrument number
 * @param time    realtime or max pace, and where event time starts
 * @param rate    the send-rate schedule
 * @param publish the most records in flight, the close timeout
 */
public record ProduceConfig(TopicsConfig topics, ModelsConfig models, SynthConfig synth, TimeConfig time,
                            RateConfig rate, PublishConfig publish) {

    /** Validates presence; each part validated itself. */
    public ProduceConfig {
        Objects.requireNonNull(topics, "topics must not be null");
        Objects.requireNonNull(models, "models must not be null");
        Objects.requireNonNull(synth, "synth must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(rate, "rate must not be null");
        Objects.requireNonNull(publish, "publish must not be null");
    }

    /** @return every record's defaults: see {@link TopicsConfig#defaults()}, {@link ModelsConfig#defaults()},
     *     {@link SynthConfig#defaults()}, {@link TimeConfig#defaults()}, {@link RateConfig#defaults()},
     *     {@link PublishConfig#defaults()} */
    public static ProduceConfig defaults() {
        return new ProduceConfig(TopicsConfig.defaults(), ModelsConfig.defaults(), SynthConfig.defaults(),
                TimeConfig.defaults(), RateConfig.defaults(), PublishConfig.defaults());
    }

    /**
     * @param value the topics
     * @return a copy with them
     */
    public ProduceConfig withTopics(TopicsConfig value) {
        return new ProduceConfig(value, models, synth, time, rate, publish);
    }

    /**
     * @param value the models
     * @return a copy with them
     */
    public ProduceConfig withModels(ModelsConfig value) {
        return new ProduceConfig(topics, value, synth, time, rate, publish);
    }

    /**
     * @param value the synthetic instruments' settings
     * @return a copy with them
     */
    public ProduceConfig withSynth(SynthConfig value) {
        return new ProduceConfig(topics, models, value, time, rate, publish);
    }

    /**
     * @param value the time settings
     * @return a copy with them
     */
    public ProduceConfig withTime(TimeConfig value) {
        return new ProduceConfig(topics, models, synth, value, rate, publish);
    }

    /**
     * @param value the rate settings
     * @return a copy with them
     */
    public ProduceConfig withRate(RateConfig value) {
        return new ProduceConfig(topics, models, synth, time, value, publish);
    }

    /**
     * @param value the publish settings
     * @return a copy with them
     */
    public ProduceConfig withPublish(PublishConfig value) {
        return new ProduceConfig(topics, models, synth, time, rate, value);
    }
}
