package io.tickforge.trainer.window;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.kafka.RecordSerde;
import io.tickforge.trainer.StoreKind;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.window.internal.WindowAppendProcessor;
import io.tickforge.trainer.window.internal.WindowHead;
import io.tickforge.trainer.window.internal.WindowHeadSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

/**
 * The names and builders of the window's two stores; both are changelogged (topics
 * {@code <applicationId>-<name>-changelog}), so a restarted or rebalanced trainer has its windows back. See
 * {@link BarWindow} for the layout.
 */
public final class WindowStores {
    /** The bars: key {@code symbol + " " + seq} (seq zero-padded to 19 digits), value the bar (Avro). */
    public static final String BARS = "window-bars";
    /** The heads: key the symbol, value where its window starts and ends in {@link #BARS}. */
    public static final String HEADS = "window-heads";
    /** The processor appending closed bars to the windows. */
    public static final String APPEND = "window-append";

    private WindowStores() {
    }

    /**
     * @param capacity the bars kept per symbol
     * @param metrics  where closed bars and window fill are recorded
     * @return the supplier of the processor appending bars to the windows; it needs both stores
     */
    public static ProcessorSupplier<String, Bar, String, Bar> appender(int capacity, TrainerMetrics metrics) {
        return () -> new WindowAppendProcessor(capacity, metrics);
    }

    /**
     * @param kind where the store keeps its data locally
     * @return the builder of {@link #BARS}
     */
    public static StoreBuilder<KeyValueStore<String, Bar>> bars(StoreKind kind) {
        return Stores.keyValueStoreBuilder(kind.supplier(BARS), Serdes.String(),
                new RecordSerde<>(AvroCodec.bar())).withCachingEnabled().withLoggingEnabled(Map.of());
    }

    /**
     * @param kind where the store keeps its data locally
     * @return the builder of {@link #HEADS}
     */
    public static StoreBuilder<KeyValueStore<String, WindowHead>> heads(StoreKind kind) {
        return Stores.keyValueStoreBuilder(kind.supplier(HEADS), Serdes.String(),
                new WindowHeadSerde()).withCachingEnabled().withLoggingEnabled(Map.of());
    }
}
