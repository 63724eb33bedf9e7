package io.tickforge.trainer.ingest.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.trainer.metrics.TrainerMetrics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates each symbol's ticks into OHLCV bars in event time. A tick at {@code ts} belongs to the bar
 * {@code [floor(ts / interval) * interval, + interval)}. Stream time is the largest tick time this task has seen;
 * a bar closes (is emitted, oldest first) once stream time reaches its end plus the grace, and a tick for a bar
 * that has closed is late: counted and dropped.
 *
 * <p>Open bars (key {@code symbol + " " + start}) and stream time live in changelogged stores, so a restarted or
 * moved task continues where it stopped. The only in-memory state is a cache of stream time and of the earliest
 * close time, rebuilt from the stores on the first record after a (re)start. Intervals without ticks make no bar.
 */
public final class BarAggregator implements Processor<String, Tick, String, Bar> {
    /** The key of the one entry of the stream-time store. */
    public static final String STREAM_TIME_KEY = "stream-time";
    private static final Logger LOG = LoggerFactory.getLogger(BarAggregator.class);
    private static final long NONE = Long.MAX_VALUE;
    private static final Comparator<Bar> CLOSE_ORDER = Comparator.comparingLong(Bar::start)
            .thenComparing(Bar::symbol);

    private final String openBarsStoreName;
    private final String streamTimeStoreName;
    private final long intervalMs;
    private final long graceMs;
    private final TrainerMetrics metrics;
    private ProcessorContext<String, Bar> context;
    private KeyValueStore<String, OpenBar> openBars;
    private KeyValueStore<String, Long> streamTimes;
    private boolean loaded;
    private long streamTime;
    private long nextClose;

    /**
     * @param openBarsStoreName   the store of open bars
     * @param streamTimeStoreName the store of this task's stream time
     * @param interval            the bar length
     * @param grace               how long after a bar's end (event time) it still accepts ticks
     * @param metrics             where late ticks are counted
     */
    public BarAggregator(String openBarsStoreName, String streamTimeStoreName, Duration interval, Duration grace,
                         TrainerMetrics metrics) {
        this.openBarsStoreName = Objects.requireNonNull(openBarsStoreName, "openBarsStoreName");
        this.streamTimeStoreName = Objects.requireNonNull(streamTimeStoreName, "streamTimeStoreName");
        this.intervalMs = interval.toMillis();
        this.graceMs = grace.toMillis();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, Bar> processorContext) {
        this.context = processorContext;
        this.openBars = processorContext.getStateStore(openBarsStoreName);
        this.streamTimes = processorContext.getStateStore(streamTimeStoreName);
        this.loaded = false;
    }

    @Override
    public void process(Record<String, Tick> record) {
        Tick tick = record.value();
        if (tick == null) {
            return;
        }
        load();
        long start = Math.floorDiv(tick.ts(), intervalMs) * intervalMs;
        long closesAt = closeTime(start + intervalMs);
        if (closesAt <= streamTime) {
            metrics.lateTick();
            LOG.debug("late tick dropped symbol={} ts={} barStart={} streamTime={} graceMs={}", tick.symbol(),
                    tick.ts(), start, streamTime, graceMs);
            return;
        }
        String key = key(tick.symbol(), start);
        OpenBar bar = openBars.get(key);
        OpenBar next = bar == null ? OpenBar.of(tick, start, intervalMs) : bar.plus(tick);
        if (!Double.isFinite(next.volume())) {
            metrics.recordDropped(TrainerMetrics.DROPPED_VOLUME_OVERFLOW);
            LOG.warn("tick dropped reason=volume-overflow symbol={} ts={} size={} barVolume={}", tick.symbol(),
                    tick.ts(), tick.size(), bar == null ? 0 : bar.volume());
            return;
        }
        openBars.put(key, next);
        nextClose = Math.min(nextClose, closesAt);
        if (tick.ts() > streamTime) {
            streamTime = tick.ts();
            streamTimes.put(STREAM_TIME_KEY, streamTime);
        }
        if (nextClose <= streamTime) {
            closeDue(record.timestamp());
        }
    }

    /** Emits, oldest first, every open bar whose end plus grace stream time has reached. */
    private void closeDue(long timestamp) {
        List<Bar> closed = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long earliestOpen = NONE;
        try (KeyValueIterator<String, OpenBar> all = openBars.all()) {
            while (all.hasNext()) {
                KeyValue<String, OpenBar> entry = all.next();
                long closesAt = closeTime(entry.value.end());
                if (closesAt <= streamTime) {
                    closed.add(entry.value.toBar());
                    keys.add(entry.key);
                } else {
                    earliestOpen = Math.min(earliestOpen, closesAt);
                }
            }
        }
        keys.forEach(openBars::delete);
        nextClose = earliestOpen;
        closed.sort(CLOSE_ORDER);
        for (Bar bar : closed) {
            context.forward(new Record<>(bar.symbol(), bar, timestamp));
        }
    }

    /** Reads stream time and the earliest close time from the stores, once per (re)start. */
    private void load() {
        if (loaded) {
            return;
        }
        Long stored = streamTimes.get(STREAM_TIME_KEY);
        streamTime = stored == null ? Long.MIN_VALUE : stored;
        nextClose = NONE;
        try (KeyValueIterator<String, OpenBar> all = openBars.all()) {
            while (all.hasNext()) {
                nextClose = Math.min(nextClose, closeTime(all.next().value.end()));
            }
        }
        loaded = true;
    }

    private long closeTime(long end) {
        return end > Long.MAX_VALUE - graceMs ? Long.MAX_VALUE : end + graceMs;
    }

    /**
     * @param symbol a symbol (never contains whitespace)
     * @param start  a bar's start
     * @return the open-bar store key
     */
    public static String key(String symbol, long start) {
        return symbol + " " + start;
    }
}
