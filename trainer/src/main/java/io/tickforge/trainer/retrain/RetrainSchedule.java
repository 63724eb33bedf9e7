package io.tickforge.trainer.retrain;

import io.tickforge.schemas.Bar;
import io.tickforge.trainer.StoreKind;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.internal.ScheduleProcessor;
import io.tickforge.trainer.retrain.internal.ScheduleState;
import io.tickforge.trainer.retrain.internal.ScheduleStateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

/**
 * The stream-thread side of retraining: names, the changelogged schedule store (per model: bars since the last
 * training started, when it started, whether a first training was ever requested) and the processor that decides
 * triggers, submits snapshots and publishes drained outcomes. The processor's rules are documented on
 * {@link ScheduleProcessor}.
 */
public final class RetrainSchedule {
    /** The schedule store, key = model name. */
    public static final String STORE = "retrain-schedule";
    /** The schedule processor. */
    public static final String PROCESSOR = "retrain-schedule";
    /** The processor re-keying bars by the pooled model's name ({@code schedule.scope = POOLED} only). */
    public static final String POOLED_KEY = "retrain-pooled-key";
    /**
     * The repartition to one partition, so that one task sees every symbol of the pooled model; also names its
     * internal topic.
     */
    public static final String POOLED_REPARTITION = "retrain-pooled";

    private RetrainSchedule() {
    }

    /**
     * @param kind where the store keeps its data locally
     * @return the builder of {@link #STORE}
     */
    public static StoreBuilder<KeyValueStore<String, ScheduleState>> store(StoreKind kind) {
        return Stores.keyValueStoreBuilder(kind.supplier(STORE), Serdes.String(),
                new ScheduleStateSerde()).withCachingEnabled().withLoggingEnabled(Map.of());
    }

    /**
     * @param config  the trainer's settings
     * @param retrain where trainings are submitted and outcomes drained
     * @param metrics where accepted models are recorded
     * @return the schedule processor's supplier; it needs {@link #STORE} and both window stores
     */
    public static ProcessorSupplier<String, Bar, String, byte[]> processor(TrainerConfig config,
                                                                          RetrainService retrain,
                                                                          TrainerMetrics metrics) {
        return () -> new ScheduleProcessor(STORE, config.schedule(), config.window(), config.training().steps(),
                retrain, metrics);
    }
}
