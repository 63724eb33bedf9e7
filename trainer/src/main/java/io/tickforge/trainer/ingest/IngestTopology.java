package io.tickforge.trainer.ingest;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.RecordCodec;
import io.tickforge.schemas.kafka.RecordSerde;
import io.tickforge.trainer.StoreKind;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.ingest.internal.BarAggregator;
import io.tickforge.trainer.ingest.internal.DecodeProcessor;
import io.tickforge.trainer.ingest.internal.Decoded;
import io.tickforge.trainer.ingest.internal.OpenBar;
import io.tickforge.trainer.ingest.internal.OpenBarSerde;
import io.tickforge.trainer.metrics.TrainerMetrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The ingest stage of the trainer's topology: the tick topic read as raw bytes, decoded per
 * {@code ingest.format}, unreadable records to the dead-letter topic (original key, value and headers plus
 * {@link DeadLetterHeaders}), valid ones re-keyed by their own symbol and repartitioned by it, ticks aggregated
 * into bars in event time ({@code ingest.barInterval}, {@code ingest.grace}). Its output is the stream of closed
 * bars, keyed and partitioned by symbol, in start order per symbol.
 *
 * <p>Internal topics (prefixed by the application id): {@value #TICKS_BY_SYMBOL}{@code -repartition} in tick mode,
 * {@value #BARS_BY_SYMBOL}{@code -repartition} in bar mode, and the changelogs of {@value #OPEN_BARS_STORE} and
 * {@value #STREAM_TIME_STORE}. Internal records are Avro single-object encoded whatever the input format.
 */
public final class IngestTopology {
    /** The source node reading the tick topic. */
    public static final String SOURCE = "ingest-source";
    /** The decoding processor. */
    public static final String DECODE = "ingest-decode";
    /** The split into dead letters and valid records. */
    public static final String SPLIT = "ingest-split";
    /** The branch of dead letters, after {@link #SPLIT}'s name. */
    public static final String DEAD_BRANCH = "-dead";
    /** The branch of valid records, after {@link #SPLIT}'s name. */
    public static final String VALID_BRANCH = "-valid";
    /** The processor unwrapping dead letters back to their original bytes. */
    public static final String DLQ_UNWRAP = "ingest-dlq-unwrap";
    /** The sink writing the dead-letter topic. */
    public static final String DLQ_SINK = "ingest-dlq-sink";
    /** The processor unwrapping valid records. */
    public static final String VALID_UNWRAP = "ingest-valid-unwrap";
    /** The repartition of ticks by symbol (tick mode); also names its internal topic. */
    public static final String TICKS_BY_SYMBOL = "ingest-ticks-by-symbol";
    /** The repartition of bars by symbol (bar mode); also names its internal topic. */
    public static final String BARS_BY_SYMBOL = "ingest-bars-by-symbol";
    /** The bar aggregation processor (tick mode). */
    public static final String AGGREGATE = "ingest-bars";
    /** The store of open bars, key {@code symbol + " " + start}. */
    public static final String OPEN_BARS_STORE = "ingest-open-bars";
    /** The store of each task's stream time (the largest tick time seen), one entry. */
    public static final String STREAM_TIME_STORE = "ingest-stream-time";
    /**
     * How far ahead of the wall clock an event time may be. A later one is dead-lettered as
     * {@code bad-timestamp}: it would move stream time so far that every later tick counted as late.
     */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

    private IngestTopology() {
    }

    /**
     * Adds the ingest stage to a builder.
     *
     * @param builder the topology's builder
     * @param config  the trainer's settings (topics, ingest)
     * @param metrics where input, dead letters and late ticks are counted
     * @param stores  where the stores keep their data locally
     * @return the closed bars, keyed and partitioned by symbol
     */
    public static KStream<String, Bar> addTo(StreamsBuilder builder, TrainerConfig config, TrainerMetrics metrics,
                                             StoreKind stores) {
        KStream<byte[], byte[]> raw = builder.stream(config.topics().ticks(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE));
        if (config.ingest().input() == IngestConfig.Input.BARS) {
            return decoded(raw, config, metrics, config.ingest().format().bar(), Bar::symbol, Bar::start, "start")
                    .repartition(Repartitioned.<String, Bar>as(BARS_BY_SYMBOL)
                            .withKeySerde(Serdes.String()).withValueSerde(barSerde()));
        }
        builder.addStateStore(openBarsStore(stores));
        builder.addStateStore(streamTimeStore(stores));
        IngestConfig ingest = config.ingest();
        return decoded(raw, config, metrics, ingest.format().tick(), Tick::symbol, Tick::ts, "ts")
                .repartition(Repartitioned.<String, Tick>as(TICKS_BY_SYMBOL)
                        .withKeySerde(Serdes.String()).withValueSerde(new RecordSerde<>(AvroCodec.tick())))
                .process(() -> new BarAggregator(OPEN_BARS_STORE, STREAM_TIME_STORE, ingest.barInterval(),
                        ingest.grace(), metrics), Named.as(AGGREGATE), OPEN_BARS_STORE, STREAM_TIME_STORE);
    }

    /** @return the serde of bars on internal topics and in stores (Avro single-object encoding) */
    public static RecordSerde<Bar> barSerde() {
        return new RecordSerde<>(AvroCodec.bar());
    }

    private static <T> KStream<String, T> decoded(KStream<byte[], byte[]> raw, TrainerConfig config,
                                                  TrainerMetrics metrics, RecordCodec<T> codec,
                                                  Function<T, String> symbolOf, ToLongFunction<T> eventTimeOf,
                                                  String eventTimeField) {
        KStream<String, Decoded<T>> decoded = raw.process(() -> new DecodeProcessor<>(codec, symbolOf, eventTimeOf,
                eventTimeField, MAX_FUTURE_SKEW, metrics), Named.as(DECODE));
        Map<String, KStream<String, Decoded<T>>> branches = decoded.split(Named.as(SPLIT))
                .branch((symbol, value) -> value instanceof Decoded.Dead, Branched.as(DEAD_BRANCH))
                .defaultBranch(Branched.as(VALID_BRANCH));
        branches.get(SPLIT + DEAD_BRANCH)
                .map((symbol, value) -> {
                    Decoded.Dead<T> dead = (Decoded.Dead<T>) value;
                    return KeyValue.pair(dead.key(), dead.value());
                }, Named.as(DLQ_UNWRAP))
                .to(config.topics().dlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(DLQ_SINK));
        return branches.get(SPLIT + VALID_BRANCH)
                .mapValues(value -> ((Decoded.Valid<T>) value).value(), Named.as(VALID_UNWRAP));
    }

    private static StoreBuilder<KeyValueStore<String, OpenBar>> openBarsStore(StoreKind stores) {
        return Stores.keyValueStoreBuilder(stores.supplier(OPEN_BARS_STORE), Serdes.String(),
                new OpenBarSerde()).withCachingEnabled().withLoggingEnabled(Map.of());
    }

    private static StoreBuilder<KeyValueStore<String, Long>> streamTimeStore(StoreKind stores) {
        return Stores.keyValueStoreBuilder(stores.supplier(STREAM_TIME_STORE), Serdes.String(),
                Serdes.Long()).withCachingEnabled().withLoggingEnabled(Map.of());
    }
}
