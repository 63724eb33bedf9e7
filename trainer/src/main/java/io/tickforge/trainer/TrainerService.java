package io.tickforge.trainer;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.publish.ModelDirectory;
import io.tickforge.trainer.publish.ModelTopicReader;
import io.tickforge.timegan.checkpoint.CheckpointException;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.trainer.retrain.ModelCatalog;
import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.WorkerPoolRetrainService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.tickforge.trainer.window.WindowStores;
import io.tickforge.trainer.window.internal.WindowHead;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The trainer's lifecycle: recover the current models from the model topic, start the topology, report health, stop
 * cleanly. Wired by hand in the CLI's {@code main}; every collaborator is passed in.
 */
public final class TrainerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);

    /** Recovers one model from its checkpoint bytes (e.g. into the retrain service's catalog). */
    @FunctionalInterface
    public interface ModelRecovery {
        /**
         * @param modelName  the record's key
         * @param checkpoint the record's value
         * @return the recovered model's metadata
         * @throws RuntimeException when the checkpoint cannot be used; the record is counted and skipped
         */
        ModelMetadata recover(String modelName, byte[] checkpoint);
    }

    private final TrainerConfig config;
    private final TrainerKafka kafka;
    private final RetrainService retrain;
    private final ModelRecovery recovery;
    private final TrainerMetrics metrics;
    private final Clock clock;
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private int recovered;
    private volatile Supplier<Map<String, ModelMetadata>> models = Map::of;

    /**
     * @param config   the trainer's settings
     * @param kafka    makes the Kafka clients
     * @param retrain  the training pool (closed with the service)
     * @param recovery takes each model recovered from the model topic on start
     * @param metrics  the trainer's meters
     * @param clock    the clock
     */
    public TrainerService(TrainerConfig config, TrainerKafka kafka, RetrainService retrain, ModelRecovery recovery,
                          TrainerMetrics metrics, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.retrain = Objects.requireNonNull(retrain, "retrain");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The production wiring: a {@link ModelCatalog} recovered from the model topic, and a
     * {@link WorkerPoolRetrainService} training with OpenBLAS on {@code training.workers} threads.
     *
     * @param config           the trainer's settings
     * @param kafka            makes the Kafka clients
     * @param metrics          the trainer's meters
     * @param clock            the clock
     * @param tickforgeVersion written into every checkpoint
     * @return the service, not started
     */
    public static TrainerService create(TrainerConfig config, TrainerKafka kafka, TrainerMetrics metrics, Clock clock,
                                        String tickforgeVersion) {
        return create(config, kafka, metrics, clock, tickforgeVersion, null);
    }

    /**
     * The production wiring, also writing every accepted model to a directory.
     *
     * @param config           the trainer's settings
     * @param kafka            makes the Kafka clients
     * @param metrics          the trainer's meters
     * @param clock            the clock
     * @param tickforgeVersion written into every checkpoint
     * @param modelDirectory   where accepted models are also written as files, or null for none
     * @return the service, not started
     */
    public static TrainerService create(TrainerConfig config, TrainerKafka kafka, TrainerMetrics metrics, Clock clock,
                                        String tickforgeVersion, Path modelDirectory) {
        ModelCatalog catalog = new ModelCatalog();
        RetrainService pool = new WorkerPoolRetrainService(config.training(), config.gate(), clock, Gemm::openBlas,
                tickforgeVersion, metrics, catalog);
        RetrainService retrain = modelDirectory == null ? pool
                : ModelDirectory.writingTo(modelDirectory, pool, metrics);
        ModelRecovery recovery = (name, bytes) -> {
            try {
                catalog.offer(name, bytes);
            } catch (CheckpointException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return catalog.current(name).orElseThrow().metadata();
        };
        TrainerService service = new TrainerService(config, kafka, retrain, recovery, metrics, clock);
        service.models = () -> {
            Map<String, ModelMetadata> current = new TreeMap<>();
            for (String name : catalog.names()) {
                catalog.current(name).ifPresent(e -> current.put(name, e.metadata()));
            }
            return current;
        };
        return service;
    }

    /**
     * Recovers the current models, then starts the topology. Returns once Streams is starting; see
     * {@link #state()}.
     *
     * @param recoveryTimeout how long reading the model topic may take
     * @return the number of models recovered
     */
    public synchronized int start(Duration recoveryTimeout) {
        if (streams != null) {
            throw new IllegalStateException("already started");
        }
        recovered = recoverModels(recoveryTimeout);
        streams = kafka.streams(io.tickforge.trainer.TrainerTopology.build(config, retrain, metrics));
        streams.setStateListener((next, previous) -> {
            state.set(next);
            LOG.info("trainer state changed from={} to={}", previous, next);
        });
        streams.setUncaughtExceptionHandler(e -> {
            lastError.set(e);
            metrics.streamThreadReplaced();
            LOG.error("stream thread failed; replacing it error={}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        streams.start();
        return recovered;
    }

    private int recoverModels(Duration timeout) {
        int count = 0;
        try (Consumer<String, byte[]> consumer = kafka.modelReader()) {
            Map<String, ConsumerRecord<String, byte[]>> latest = new ModelTopicReader(consumer, clock)
                    .readLatest(config.topics().models(), timeout);
            for (ConsumerRecord<String, byte[]> r : latest.values()) {
                try {
                    ModelMetadata m = recovery.recover(r.key(), r.value());
                    metrics.currentModel(m);
                    count++;
                    LOG.info("model recovered model={} version={} createdAt={} offset={}", m.modelName(),
                            m.modelVersion(), m.createdAt(), r.offset());
                } catch (RuntimeException e) {
                    metrics.recoveryFailed();
                    LOG.warn("model record unusable, skipped model={} partition={} offset={} error={}", r.key(),
                            r.partition(), r.offset(), e.getMessage());
                }
            }
        }
        return count;
    }

    /** @return the Streams state, {@code CREATED} before {@link #start} */
    public KafkaStreams.State state() {
        return state.get();
    }

    /** @return the models recovered on start */
    public int recovered() {
        return recovered;
    }

    /** @return whether the trainer is doing its job: Streams running or rebalancing */
    public boolean isUp() {
        KafkaStreams.State s = state.get();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
    }

    /**
     * The rolling windows this instance holds, read from the window store (interactive query).
     *
     * @return bars per symbol, in symbol order; empty while Streams is not running or rebalancing
     */
    public Map<String, Integer> windowSizes() {
        KafkaStreams s = streams;
        Map<String, Integer> sizes = new TreeMap<>();
        if (s == null || state.get() != KafkaStreams.State.RUNNING) {
            return sizes;
        }
        try {
            ReadOnlyKeyValueStore<String, WindowHead> heads = s.store(StoreQueryParameters.fromNameAndType(
                    WindowStores.HEADS, QueryableStoreTypes.<String, WindowHead>keyValueStore()));
            try (KeyValueIterator<String, WindowHead> all = heads.all()) {
                all.forEachRemaining(e -> sizes.put(e.key,
                        (int) Math.min(e.value.size(), config.window().capacity())));
            }
        } catch (InvalidStateStoreException e) {
            LOG.debug("window store not queryable yet error={}", e.getMessage());
        }
        return sizes;
    }

    /**
     * @return the current (last accepted or recovered) model per name, in name order; empty when the service was not
     *     made by {@link #create}
     */
    public Map<String, ModelMetadata> currentModels() {
        return models.get();
    }

    /** @return the last stream-thread error, or null */
    public Throwable lastError() {
        return lastError.get();
    }

    /** Stops Streams (committing its work), then the training pool. */
    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streamsMetrics.close();
        }
        retrain.close();
        LOG.info("trainer stopped");
    }
}
