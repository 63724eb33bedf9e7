package io.tickforge.trainer.window;

import io.tickforge.schemas.Bar;
import io.tickforge.trainer.window.internal.WindowHead;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rolling windows of one stream task: per symbol, its latest {@code window.capacity} bars, oldest first, in the
 * two changelogged stores of {@link WindowStores}. Bars are a ring of keys {@code symbol + " " + seq} (seq a
 * zero-padded, ever-growing sequence number) with a small head record per symbol; so an append costs a constant
 * amount of changelog traffic (the new bar, the evicted bar's tombstone, the head), never a rewrite of the window.
 *
 * <p>A view over the task's stores, used on the stream thread only; not thread-safe.
 */
public final class BarWindow {
    private static final int SEQ_DIGITS = 19;

    private final KeyValueStore<String, Bar> bars;
    private final KeyValueStore<String, WindowHead> heads;
    private final int capacity;

    /**
     * @param bars     the bar store ({@link WindowStores#BARS})
     * @param heads    the head store ({@link WindowStores#HEADS})
     * @param capacity the bars kept per symbol, at least 1
     */
    public BarWindow(KeyValueStore<String, Bar> bars, KeyValueStore<String, WindowHead> heads, int capacity) {
        this.bars = Objects.requireNonNull(bars, "bars");
        this.heads = Objects.requireNonNull(heads, "heads");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * @param context  a processor's context, the stores connected to it
     * @param capacity the bars kept per symbol
     * @return the windows of the context's task
     */
    public static BarWindow of(ProcessingContext context, int capacity) {
        return new BarWindow(context.getStateStore(WindowStores.BARS), context.getStateStore(WindowStores.HEADS),
                capacity);
    }

    /** @return the bars kept per symbol */
    public int capacity() {
        return capacity;
    }

    /**
     * Appends a bar to its symbol's window, evicting the oldest beyond the capacity. A bar that does not start after
     * the window's latest (a replay after a crash, or out-of-order bar input) is not appended.
     *
     * @param bar the bar
     * @return the window's size after the append, or -1 when the bar was not appended
     */
    public int append(Bar bar) {
        WindowHead head = head(bar.symbol());
        if (head.size() > 0 && bar.start() <= head.lastStart()) {
            return -1;
        }
        bars.put(key(bar.symbol(), head.next()), bar);
        long first = head.first();
        long next = head.next() + 1;
        while (next - first > capacity) {
            bars.delete(key(bar.symbol(), first));
            first++;
        }
        heads.put(bar.symbol(), new WindowHead(first, next, bar.start()));
        return (int) (next - first);
    }

    /**
     * @param symbol a symbol
     * @return bars in its window, 0 when unknown
     */
    public int size(String symbol) {
        return (int) Math.min(head(symbol).size(), capacity);
    }

    /**
     * @param symbol a symbol
     * @return a copy of its window, oldest first; empty when unknown
     */
    public List<Bar> bars(String symbol) {
        WindowHead head = head(symbol);
        if (head.size() == 0) {
            return List.of();
        }
        long from = Math.max(head.first(), head.next() - capacity);
        List<Bar> out = new ArrayList<>((int) (head.next() - from));
        try (KeyValueIterator<String, Bar> range = bars.range(key(symbol, from), key(symbol, head.next() - 1))) {
            range.forEachRemaining(entry -> out.add(entry.value));
        }
        return out;
    }

    /** @return the symbols with at least one bar, in order */
    public SortedSet<String> symbols() {
        SortedSet<String> symbols = new TreeSet<>();
        try (KeyValueIterator<String, WindowHead> all = heads.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.size() > 0) {
                    symbols.add(entry.key);
                }
            });
        }
        return symbols;
    }

    private WindowHead head(String symbol) {
        WindowHead head = heads.get(symbol);
        return head == null ? WindowHead.EMPTY : head;
    }

    /**
     * @param symbol a symbol (never contains whitespace, so keys of different symbols never interleave)
     * @param seq    a sequence number
     * @return the bar store key, e.g. {@code AAPL 0000000000000000042}
     */
    static String key(String symbol, long seq) {
        String digits = Long.toString(seq);
        StringBuilder key = new StringBuilder(symbol.length() + 1 + SEQ_DIGITS).append(symbol).append(' ');
        for (int i = digits.length(); i < SEQ_DIGITS; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }
}
