package io.tickforge.trainer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.window.BarWindow;
import io.tickforge.trainer.window.WindowConfig;
import io.tickforge.trainer.window.WindowStores;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

/**
 * A {@link TopologyTestDriver} over {@link TrainerTopology} with a {@link FakeRetrainService}, a
 * {@link SimpleMeterRegistry} and the topics piped and read as bytes: what every topology test starts from.
 * Small settings: 1 s bars, 2 s grace, windows of 30 bars with a first training at 24, retrain every 10 bars or 60 s,
 * checked every second.
 */
public final class TopologyFixture implements AutoCloseable {
    /** The driver's wall clock at start: 2024-01-01T00:00:00Z. */
    public static final Instant WALL_CLOCK = Instant.parse("2024-01-01T00:00:00Z");
    /** An event time an hour before {@link #WALL_CLOCK}, on a whole second. */
    public static final long T0 = WALL_CLOCK.toEpochMilli() - 3_600_000L;

    private final TrainerConfig config;
    private final FakeRetrainService retrain = new FakeRetrainService();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrainerMetrics metrics;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> input;
    private final TestOutputTopic<byte[], byte[]> dlq;
    private final TestOutputTopic<String, byte[]> models;

    /**
     * A driver with in-memory (changelogged) stores, which keeps tests fast: the driver commits after every record,
     * and a RocksDB commit flushes every store to disk.
     *
     * @param config   the settings
     * @param stateDir the Streams state directory
     */
    public TopologyFixture(TrainerConfig config, Path stateDir) {
        this(config, stateDir, StoreKind.IN_MEMORY);
    }

    /**
     * @param config   the settings
     * @param stateDir the Streams state directory
     * @param stores   the kind of state stores
     */
    public TopologyFixture(TrainerConfig config, Path stateDir, StoreKind stores) {
        this.config = config;
        this.metrics = new TrainerMetrics(registry, Clock.fixed(WALL_CLOCK, ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(TrainerTopology.build(config, retrain, metrics, stores), props,
                WALL_CLOCK);
        this.input = driver.createInputTopic(config.topics().ticks(), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.dlq = driver.createOutputTopic(config.topics().dlq(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.models = driver.createOutputTopic(config.topics().models(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** @return settings small enough to drive by hand: JSON ticks, per-symbol models */
    public static TrainerConfig config() {
        return config(IngestConfig.Input.TICKS, WireFormat.JSON, ScheduleConfig.Scope.PER_SYMBOL);
    }

    /**
     * @param input  ticks or bars
     * @param format the wire format
     * @param scope  per-symbol or pooled models
     * @return the small settings with these choices
     */
    public static TrainerConfig config(IngestConfig.Input input, WireFormat format, ScheduleConfig.Scope scope) {
        TrainingConfig training = new TrainingConfig(FeatureTransform.LOG_RETURNS, 2, 4, 2, 2, RecurrentCell.GRU, 1,
                1, 7L, 1, Duration.ofMinutes(1));
        GateConfig gate = new GateConfig(0.5, 1, 1, 1, 0.02);
        return new TrainerConfig("tickforge-test", TopicsConfig.defaults(),
                new IngestConfig(input, format, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new WindowConfig(30, 24),
                new ScheduleConfig(scope, "timegan-pooled", Duration.ofSeconds(60), 10, Duration.ofSeconds(1)),
                training, gate);
    }

    /** @return the settings the driver runs */
    public TrainerConfig trainerConfig() {
        return config;
    }

    /** @return the fake training pool */
    public FakeRetrainService retrain() {
        return retrain;
    }

    /** @return the driver */
    public TopologyTestDriver driver() {
        return driver;
    }

    /**
     * Pipes raw bytes to the tick topic.
     *
     * @param key   the key bytes, or null
     * @param value the value bytes, or null
     */
    public void pipeRaw(byte[] key, byte[] value) {
        input.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), WALL_CLOCK));
    }

    /**
     * Pipes a record with headers.
     *
     * @param key     the key bytes
     * @param value   the value bytes
     * @param headers its headers
     */
    public void pipeRaw(byte[] key, byte[] value, Headers headers) {
        input.pipeInput(new TestRecord<>(key, value, headers, WALL_CLOCK));
    }

    /**
     * Pipes a JSON document keyed by a symbol.
     *
     * @param key  the key text
     * @param json the value text
     */
    public void pipeJson(String key, String json) {
        pipeRaw(utf8(key), utf8(json));
    }

    /**
     * Pipes a tick as JSON, keyed by its symbol.
     *
     * @param symbol the symbol
     * @param ts     event time
     * @param price  price
     * @param size   size
     */
    public void tick(String symbol, long ts, double price, double size) {
        Tick tick = Tick.trade(symbol, ts, price, size);
        pipeRaw(utf8(symbol), JsonCodec.tick().encode(tick));
    }

    /**
     * Pipes a bar as JSON, keyed by its symbol.
     *
     * @param bar the bar
     */
    public void bar(Bar bar) {
        pipeRaw(utf8(bar.symbol()), JsonCodec.bar().encode(bar));
    }

    /**
     * Pipes {@code count} one-second bars of a symbol starting at {@link #T0} plus {@code fromIndex} seconds.
     *
     * @param symbol    the symbol
     * @param fromIndex the first bar's index
     * @param count     how many
     */
    public void bars(String symbol, int fromIndex, int count) {
        for (int i = fromIndex; i < fromIndex + count; i++) {
            bar(bar(symbol, i));
        }
    }

    /**
     * @param symbol the symbol
     * @param index  seconds after {@link #T0}
     * @return a one-second bar whose close is {@code 100 + index}
     */
    public static Bar bar(String symbol, int index) {
        double close = 100 + index;
        return new Bar(symbol, T0 + 1000L * index, 1000, close - 0.5, close + 1, close - 1, close, 10, 3);
    }

    /**
     * Advances the wall clock, firing wall-clock punctuators.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** @return every record written to the dead-letter topic since the last call */
    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return dlq.readRecordsToList();
    }

    /** @return every record written to the model topic since the last call */
    public List<TestRecord<String, byte[]>> models() {
        return models.readRecordsToList();
    }

    /**
     * @param symbol a symbol
     * @return its window, oldest first
     */
    public List<Bar> window(String symbol) {
        KeyValueStore<String, Bar> bars = driver.getKeyValueStore(WindowStores.BARS);
        return new BarWindow(bars, driver.getKeyValueStore(WindowStores.HEADS), config.window().capacity())
                .bars(symbol);
    }

    /**
     * @param name a counter's name without the {@code tickforge.trainer.} prefix
     * @param tags tag keys and values
     * @return its count, 0 when it was never registered
     */
    public double counter(String name, String... tags) {
        Counter counter = registry.find(TrainerMetrics.PREFIX + name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * @param name a gauge's name without the prefix
     * @param tags tag keys and values
     * @return its value, NaN when it was never registered
     */
    public double gauge(String name, String... tags) {
        Gauge gauge = registry.find(TrainerMetrics.PREFIX + name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /**
     * @param model   the model's name
     * @param version its version
     * @return metadata as a training of {@code model} would write it, scores 0.12 and 0.05
     */
    public static ModelMetadata metadata(String model, long version) {
        return new ModelMetadata(ModelMetadata.CURRENT_FORMAT_VERSION, model, version, WALL_CLOCK.toEpochMilli(),
                "0.1.0", List.of("log_return", "log_volume"), "log-returns",
                ModelMetadata.Hyperparameters.reference(), 42L,
                new ModelMetadata.DataWindow(30, T0, T0 + 29_000, List.of("AAPL")),
                ModelMetadata.Scores.of(0.12, 0.05));
    }

    /**
     * @param text text
     * @return its UTF-8 bytes
     */
    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
