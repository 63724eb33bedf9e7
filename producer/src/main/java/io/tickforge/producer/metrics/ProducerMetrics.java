package io.tickforge.producer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The producer's meters, in one place. Every name is {@code tickforge.producer.<thing>}, every unit a base unit
 * (seconds, records, bytes, records per second), every tag bounded: {@code model} by the models served,
 * {@code reason} by {@code RejectReason}, {@code error} by the exception classes a Kafka producer raises.
 * Thread-safe: the publishing thread, the producer's I/O thread (callbacks) and the model follower record
 * concurrently.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>records.sent</td><td>counter</td><td>records acknowledged by the broker</td></tr>
 *   <tr><td>bytes.sent</td><td>counter</td><td>key and value bytes of acknowledged records</td></tr>
 *   <tr><td>send.errors{error}</td><td>counter</td><td>records whose send failed, by exception class</td></tr>
 *   <tr><td>send.latency</td><td>timer</td><td>send call to acknowledgement or failure, timed on one record in 16
 *       (histogram buckets, no client-side quantiles: it is recorded on the Kafka I/O thread)</td></tr>
 *   <tr><td>publish.delay</td><td>timer</td><td>actual send call time minus intended send time (not recorded in max
 *       pace at rate max: no intended time)</td></tr>
 *   <tr><td>rate.target</td><td>gauge</td><td>the rate schedule's rate now, records/s</td></tr>
 *   <tr><td>rate.actual</td><td>gauge</td><td>records handed to the producer per second, last 5 s</td></tr>
 *   <tr><td>generation.time</td><td>timer</td><td>sampling, expanding and encoding one bar step of one model</td></tr>
 *   <tr><td>model.version{model}</td><td>gauge</td><td>version of the model served under the name</td></tr>
 *   <tr><td>model.age{model}</td><td>gauge</td><td>seconds since the served model was created</td></tr>
 *   <tr><td>models.rejected{reason}</td><td>counter</td><td>checkpoints refused, by reason</td></tr>
 *   <tr><td>records.inflight</td><td>gauge</td><td>records handed to the producer, not yet answered</td></tr>
 *   <tr><td>event.lag</td><td>gauge</td><td>wall clock minus the event time of the last record handed over</td></tr>
 * </table>
 */
public final class ProducerMetrics {

    /** Prefix of every meter name. */
    public static final String PREFIX = "tickforge.producer.";

    /** Seconds over which {@code rate.actual} is averaged. */
    public static final int RATE_WINDOW_SECONDS = 5;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter recordsSent;
    private final Counter bytesSent;
    private final Timer sendLatency;
    private final Timer publishDelay;
    private final Timer generationTime;
    private final Map<String, Counter> sendErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, ModelGauges> models = new ConcurrentHashMap<>();
    private final LongAdder sendErrorTotal = new LongAdder();
    private final LongAdder handed = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final SecondBuckets handedOver = new SecondBuckets();
    private volatile double targetRate;
    private volatile long lastEventTime = Long.MIN_VALUE;

    /**
     * @param registry where the meters live
     * @param clock    the wall clock: model ages, the actual rate's seconds, the event lag
     */
    public ProducerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordsSent = Counter.builder(PREFIX + "records.sent")
                .description("Synthetic records acknowledged by the broker").baseUnit("records").register(registry);
        this.bytesSent = Counter.builder(PREFIX + "bytes.sent")
                .description("Key and value bytes of the synthetic records acknowledged by the broker")
                .baseUnit("bytes").register(registry);
        this.sendLatency = Timer.builder(PREFIX + "send.latency")
                .description("Time from handing a record to the Kafka producer to its acknowledgement or failure,"
                        + " timed on one record in 16 (records.sent and send.errors count every record)")
                .publishPercentileHistogram().register(registry);
        this.publishDelay = Timer.builder(PREFIX + "publish.delay")
                .description("Actual send call time minus the record's intended send time (rate schedule, and event"
                        + " time in realtime pace); grows when generation or the broker cannot keep up; not recorded"
                        + " in max pace at rate max, where records have no intended time")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry);
        this.generationTime = Timer.builder(PREFIX + "generation.time")
                .description("Time to sample, expand and encode one bar step of one model's instruments")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Gauge.builder(PREFIX + "rate.target", this, m -> m.targetRate)
                .description("Target send rate of the rate schedule now; +Inf when unlimited")
                .baseUnit("records.per.second").register(registry);
        Gauge.builder(PREFIX + "rate.actual", this, ProducerMetrics::actualRate)
                .description("Records handed to the Kafka producer per second, averaged over the last "
                        + RATE_WINDOW_SECONDS + " whole seconds")
                .baseUnit("records.per.second").register(registry);
        Gauge.builder(PREFIX + "records.inflight", this, ProducerMetrics::inFlight)
                .description("Records handed to the Kafka producer and not yet acknowledged or failed")
                .baseUnit("records").register(registry);
        Gauge.builder(PREFIX + "event.lag", this, ProducerMetrics::eventLagSeconds)
                .description("Wall clock minus the event time of the last record handed over; near 0 in realtime"
                        + " pace when keeping up, NaN before the first record")
                .baseUnit("seconds").register(registry);
    }

    /** @return the registry the meters are in */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * A record was handed to the producer.
     *
     * @param eventTime its event time, epoch ms
     */
    public void handedOver(long eventTime) {
        handedOver(1, eventTime);
    }

    /**
     * Records were handed to the producer (the publisher counts them on its own thread and reports them here in
     * batches, so that the sending thread writes no shared state per record).
     *
     * @param records       how many, &gt;= 1
     * @param lastEventTime the event time of the last of them, epoch ms
     */
    public void handedOver(int records, long lastEventTime) {
        handed.add(records);
        handedOver.add(clock.millis(), records);
        this.lastEventTime = lastEventTime;
    }

    /**
     * A record was acknowledged.
     *
     * @param bytes its key and value bytes
     */
    public void acknowledged(int bytes) {
        answered.increment();
        recordsSent.increment();
        bytesSent.increment(bytes);
    }

    /**
     * The send latency of a record (the publisher times a sample of them; see {@code RecordPublisher}).
     *
     * @param nanos from the send call to the acknowledgement or failure
     */
    public void sendLatency(long nanos) {
        sendLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A record's send failed.
     *
     * @param error the exception's class name (bounded)
     */
    public void sendFailed(String error) {
        answered.increment();
        sendErrorTotal.increment();
        sendErrors.computeIfAbsent(error, e -> Counter.builder(PREFIX + "send.errors")
                .description("Synthetic records whose send failed (not acknowledged), by exception class")
                .baseUnit("records").tag("error", e).register(registry)).increment();
    }

    /** @return failed sends so far, all errors */
    public long sendErrors() {
        return sendErrorTotal.sum();
    }

    /** @return records handed over and not yet answered */
    public long inFlight() {
        return Math.max(0, handed.sum() - answered.sum());
    }

    /** @param nanos actual send call time minus intended send time, clamped to &gt;= 0 */
    public void publishDelay(long nanos) {
        publishDelay.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** @param nanos time to generate one batch (one bar step of one model) */
    public void generated(long nanos) {
        generationTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param perSecond the schedule's rate now, records per second */
    public void targetRate(double perSecond) {
        if (Double.compare(perSecond, targetRate) != 0) {
            this.targetRate = perSecond;
        }
    }

    /** @return records handed over per second, averaged over the last {@value #RATE_WINDOW_SECONDS} whole seconds */
    public double actualRate() {
        return handedOver.perSecond(clock.millis(), RATE_WINDOW_SECONDS);
    }

    private double eventLagSeconds() {
        long last = lastEventTime;
        return last == Long.MIN_VALUE ? Double.NaN : (clock.millis() - last) / 1000.0;
    }

    /**
     * A model is now served under its name: sets its version and age gauges.
     *
     * @param model     the model name
     * @param version   its version
     * @param createdAt its creation time, epoch ms
     */
    public void modelServed(String model, long version, long createdAt) {
        ModelGauges g = models.computeIfAbsent(model, this::modelGauges);
        g.version = version;
        g.createdAt = createdAt;
    }

    /**
     * A model is no longer served (its record on the model topic was deleted): removes its gauges.
     *
     * @param model the model name
     */
    public void modelRemoved(String model) {
        ModelGauges g = models.remove(model);
        if (g != null) {
            g.meters.forEach(registry::remove);
        }
    }

    /**
     * Counts a refused checkpoint.
     *
     * @param reason the reason tag, from a bounded set
     */
    public void modelRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder(PREFIX + "models.rejected")
                .description("Model checkpoints refused (corrupt, unknown feature transform, incompatible, not newer"
                        + " than the one served, ...); the previous model keeps serving")
                .baseUnit("checkpoints").tag("reason", r).register(registry)).increment();
    }

    private ModelGauges modelGauges(String model) {
        ModelGauges g = new ModelGauges();
        g.meters.add(Gauge.builder(PREFIX + "model.version", g, x -> x.version)
                .description("Version of the model served under this name").tag("model", model)
                .register(registry));
        g.meters.add(Gauge.builder(PREFIX + "model.age", g, x -> Math.max(0, clock.millis() - x.createdAt) / 1000.0)
                .description("Time since the served model was created").baseUnit("seconds").tag("model", model)
                .register(registry));
        return g;
    }

    private static final class ModelGauges {
        private final List<Meter> meters = new ArrayList<>(2);
        private volatile double version;
        private volatile long createdAt;
    }

    /** Counts per wall-clock second in a small ring. */
    private static final class SecondBuckets {
        private static final int SIZE = 16;
        private final long[] second = new long[SIZE];
        private final long[] count = new long[SIZE];

        SecondBuckets() {
            Arrays.fill(second, Long.MIN_VALUE);
        }

        synchronized void add(long epochMillis, int n) {
            long s = Math.floorDiv(epochMillis, 1000);
            int i = Math.floorMod(s, SIZE);
            if (second[i] != s) {
                second[i] = s;
                count[i] = 0;
            }
            count[i] += n;
        }

        synchronized double perSecond(long epochMillis, int window) {
            long now = Math.floorDiv(epochMillis, 1000);
            long total = 0;
            for (long s = now - window; s < now; s++) {
                int i = Math.floorMod(s, SIZE);
                if (second[i] == s) {
                    total += count[i];
                }
            }
            return (double) total / window;
        }
    }
}
