package io.tickforge.producer.synth;

import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.synth.internal.ModelSlot;
import io.tickforge.timegan.nn.Gemm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The endless synthetic feed: for every model served, {@code synth.instruments} instruments, each an endless stream
 * that carries the generator's recurrent state from bar to bar, merged into one sequence of encoded records in
 * event-time order.
 *
 * <p>How: each model has one {@link io.tickforge.timegan.model.SyntheticStream} batch with a row per instrument.
 * A bar step samples one bar per instrument ({@code x = R(S(G(z)))} in scaled units, mapped back with the
 * checkpoint's scaler, then to a valid bar by its feature transform, log returns chained from each instrument's
 * last close), expands each bar into ticks in {@link OutputMode#TICKS}, encodes the records in event-time order and
 * gives each its instrument's next sequence number. {@link #next()} hands out the record with the earliest release
 * time across models, and generates a model's next bar step when its previous one has been handed out; event time
 * advances by the model's bar interval per step.
 *
 * <p>Model changes (from the {@link ModelSource}) take effect at a bar step: a new version replaces the old between
 * two bar steps (names, sequence numbers, prices and event clock continue; the recurrent state restarts); a new name
 * starts its instruments at the current event time; a removed name stops after its current bar step. Sequence
 * numbers are never reused, even when a removed name comes back.
 *
 * <p>Deterministic: the same seed, models and start instant give the same records, byte for byte (all randomness is
 * seeded per instrument; see {@code Seeds}). Confined to one thread.
 */
public final class SyntheticFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticFeed.class);

    private final SynthConfig synth;
    private final TimeConfig time;
    private final ModelSource models;
    private final Clock clock;
    private final Supplier<Gemm> gemms;
    private final ProducerMetrics metrics;
    private final InstrumentNames names;
    private final TreeMap<String, ModelSlot> slots = new TreeMap<>();
    private final Map<String, Long> retiredSequences = new HashMap<>();
    private long seenGeneration = Long.MIN_VALUE;
    private long frontier = Long.MIN_VALUE;
    private long maxOrigin = Long.MIN_VALUE;
    private volatile SortedMap<String, Long> serving = Collections.emptySortedMap();

    /**
     * @param synth   what to generate
     * @param time    where event time starts
     * @param models  the models to serve
     * @param clock   the wall clock (realtime start, and max pace without a start instant)
     * @param gemms   makes one matrix multiply per model, used on this feed's thread
     * @param metrics records the generation time
     */
    public SyntheticFeed(SynthConfig synth, TimeConfig time, ModelSource models, Clock clock, Supplier<Gemm> gemms,
                         ProducerMetrics metrics) {
        this.synth = Objects.requireNonNull(synth, "synth");
        this.time = Objects.requireNonNull(time, "time");
        this.models = Objects.requireNonNull(models, "models");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gemms = Objects.requireNonNull(gemms, "gemms");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.names = synth.names();
    }

    /**
     * @return the next record in release-time order, or {@code null} when no model is served
     */
    public SyntheticRecord next() {
        long generation = models.generation();
        if (generation != seenGeneration) {
            seenGeneration = generation;
            reconcile(models.models());
        }
        ModelSlot earliest = null;
        for (Iterator<ModelSlot> it = slots.values().iterator(); it.hasNext(); ) {
            ModelSlot slot = it.next();
            if (slot.queue().isEmpty()) {
                if (slot.retiring()) {
                    retiredSequences.putAll(slot.sequences());
                    it.remove();
                    updateServing();
                    LOG.info("model retired model={} version={} bars={}", slot.name(), slot.version(), slot.bars());
                    continue;
                }
                long t0 = System.nanoTime();
                long before = slot.version();
                slot.refill();
                metrics.generated(System.nanoTime() - t0);
                if (slot.version() != before) {
                    updateServing();
                }
            }
            if (!slot.queue().isEmpty() && (earliest == null
                    || slot.queue().peek().releaseAt() < earliest.queue().peek().releaseAt())) {
                earliest = slot;
            }
        }
        if (earliest == null) {
            return null;
        }
        SyntheticRecord r = earliest.queue().poll();
        frontier = Math.max(frontier, r.releaseAt());
        return r;
    }

    /** @return the model versions being generated now, by name (changes at bar steps, after the model source) */
    public SortedMap<String, Long> serving() {
        return serving;
    }

    private void reconcile(SortedMap<String, ServedModel> wanted) {
        for (Map.Entry<String, ServedModel> e : wanted.entrySet()) {
            ModelSlot slot = slots.get(e.getKey());
            ServedModel m = e.getValue();
            if (slot == null) {
                long start = startFor(m);
                slots.put(m.name(), new ModelSlot(m, synth, names.names(m.name(), synth.firstIndex(),
                        synth.instruments()), start, retiredSequences, gemms.get()));
                LOG.info("model serving model={} version={} instruments={} barIntervalMs={} intervalFromData={}"
                                + " transform={} start={}", m.name(), m.version(), synth.instruments(), m.intervalMs(),
                        m.intervalFromData(), m.transform().wireName(), start);
            } else if (slot.nextVersion() != m.version() || slot.retiring()) {
                slot.replaceWith(m);
            }
        }
        for (ModelSlot slot : slots.values()) {
            if (!wanted.containsKey(slot.name())) {
                slot.retire();
            }
        }
        updateServing();
    }

    private long startFor(ServedModel m) {
        if (time.pace() == Pace.REALTIME) {
            long now = clock.millis();
            return now - Math.floorMod(now, m.intervalMs());
        }
        if (frontier != Long.MIN_VALUE) {
            return frontier;
        }
        if (maxOrigin == Long.MIN_VALUE) {
            maxOrigin = time.start() != null ? time.start().toEpochMilli() : clock.millis();
        }
        return maxOrigin;
    }

    private void updateServing() {
        SortedMap<String, Long> m = new TreeMap<>();
        slots.values().forEach(s -> m.put(s.name(), s.version()));
        serving = Collections.unmodifiableSortedMap(m);
    }
}
