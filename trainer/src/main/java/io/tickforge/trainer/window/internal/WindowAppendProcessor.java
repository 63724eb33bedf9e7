package io.tickforge.trainer.window.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.window.BarWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Appends each closed bar to its symbol's window and forwards the bars it appended. A bar that does not start after
 * the window's latest is dropped and counted ({@code out-of-order}): a replay after a crash, or bar input out of
 * order.
 */
public final class WindowAppendProcessor implements Processor<String, Bar, String, Bar> {
    private static final Logger LOG = LoggerFactory.getLogger(WindowAppendProcessor.class);

    private final int capacity;
    private final TrainerMetrics metrics;
    private ProcessorContext<String, Bar> context;
    private BarWindow window;

    /**
     * @param capacity the bars kept per symbol
     * @param metrics  where closed bars and window fill are recorded
     */
    public WindowAppendProcessor(int capacity, TrainerMetrics metrics) {
        this.capacity = capacity;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, Bar> processorContext) {
        this.context = processorContext;
        this.window = BarWindow.of(processorContext, capacity);
    }

    @Override
    public void process(Record<String, Bar> record) {
        Bar bar = record.value();
        if (bar == null) {
            return;
        }
        int size = window.append(bar);
        if (size < 0) {
            metrics.recordDropped(TrainerMetrics.DROPPED_OUT_OF_ORDER);
            LOG.warn("bar dropped reason=out-of-order symbol={} start={} (not after the window's latest bar)",
                    bar.symbol(), bar.start());
            return;
        }
        metrics.barClosed(bar.symbol());
        metrics.windowFill(bar.symbol(), size, capacity);
        context.forward(record);
    }
}
