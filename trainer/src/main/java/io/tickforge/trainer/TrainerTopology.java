package io.tickforge.trainer;

import io.tickforge.schemas.Bar;
import io.tickforge.trainer.ingest.IngestTopology;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.RetrainSchedule;
import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.window.WindowStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.Objects;

/**
 * The trainer's Kafka Streams topology, a pure function of its arguments (no I/O, no static state):
 *
 * <pre>
 * topics.ticks (bytes) -&gt; ingest-decode -+-&gt; topics.dlq (original bytes + tickforge.dlq.* headers)
 *                                        +-&gt; by symbol -&gt; ingest-bars (event-time OHLCV, grace) -+
 *                                            [pooled: -&gt; retrain-pooled, one partition] &lt;--------+
 *   -&gt; window-append (latest window.capacity bars per symbol) -&gt; retrain-schedule -&gt; topics.models
 * </pre>
 *
 * <p>Every processor, store and internal topic has a name (constants on {@link IngestTopology},
 * {@link WindowStores}, {@link RetrainSchedule} and here), so names stay stable across releases. The stores are
 * changelogged, persistent by default ({@link StoreKind}). Per-symbol models need no repartition after ingest: bars
 * are partitioned by symbol already, and the model name is a function of the symbol.
 */
public final class TrainerTopology {
    /** The sink writing accepted checkpoints to {@code topics.models}. */
    public static final String MODELS_SINK = "publish-models-sink";

    private TrainerTopology() {
    }

    /**
     * The topology with persistent (RocksDB) stores.
     *
     * @param config  every setting
     * @param retrain the training pool the schedule submits to and drains; shared by all tasks
     * @param metrics the module's meters
     * @return the topology
     */
    public static Topology build(TrainerConfig config, RetrainService retrain, TrainerMetrics metrics) {
        return build(config, retrain, metrics, StoreKind.PERSISTENT);
    }

    /**
     * @param config  every setting
     * @param retrain the training pool the schedule submits to and drains; shared by all tasks
     * @param metrics the module's meters
     * @param stores  where the state stores keep their data locally (changelogged either way)
     * @return the topology
     */
    public static Topology build(TrainerConfig config, RetrainService retrain, TrainerMetrics metrics,
                                 StoreKind stores) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(retrain, "retrain");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(stores, "stores");
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Bar> bars = IngestTopology.addTo(builder, config, metrics, stores);
        ScheduleConfig schedule = config.schedule();
        if (schedule.scope() == ScheduleConfig.Scope.POOLED) {
            String model = schedule.pooledModelName();
            bars = bars.selectKey((symbol, bar) -> model, Named.as(RetrainSchedule.POOLED_KEY))
                    .repartition(Repartitioned.<String, Bar>as(RetrainSchedule.POOLED_REPARTITION)
                            .withKeySerde(Serdes.String()).withValueSerde(IngestTopology.barSerde())
                            .withNumberOfPartitions(1));
        }
        builder.addStateStore(WindowStores.bars(stores));
        builder.addStateStore(WindowStores.heads(stores));
        builder.addStateStore(RetrainSchedule.store(stores));
        bars.process(WindowStores.appender(config.window().capacity(), metrics), Named.as(WindowStores.APPEND),
                        WindowStores.BARS, WindowStores.HEADS)
                .process(RetrainSchedule.processor(config, retrain, metrics), Named.as(RetrainSchedule.PROCESSOR),
                        WindowStores.BARS, WindowStores.HEADS, RetrainSchedule.STORE)
                .to(config.topics().models(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(MODELS_SINK));
        return builder.build();
    }
}
