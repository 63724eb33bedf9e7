package io.tickforge.producer.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How records are handed to Kafka.
 *
 * @param maxInFlight  the most records handed to the Kafka producer and not yet acknowledged or failed, 1 to
 *                     {@value #MAX_IN_FLIGHT}, default {@value #DEFAULT_MAX_IN_FLIGHT}: when the broker is slow,
 *                     generation blocks here, so memory stays bounded whatever the rate
 * @param closeTimeout how long closing may wait for the producer to deliver what it holds, &gt; 0, default 30 s
 * @param maxRecords   publish this many records, then stop (the service's state becomes {@code COMPLETED}); 0, the
 *                     default, for no limit
 */
public record PublishConfig(int maxInFlight, Duration closeTimeout, long maxRecords) {

    /** The largest {@code maxInFlight}. */
    public static final int MAX_IN_FLIGHT = 10_000_000;
    /** The default {@code maxInFlight}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    /** The default {@code closeTimeout}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** Validates every field; messages name it ({@code publish.*}) and the value. */
    public PublishConfig {
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("publish.maxInFlight must be from 1 to " + MAX_IN_FLIGHT + ", got "
                    + maxInFlight);
        }
        Objects.requireNonNull(closeTimeout, "publish.closeTimeout must not be null");
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("publish.closeTimeout must be > 0, got " + closeTimeout);
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("publish.maxRecords must be >= 0 (0 for no limit), got " + maxRecords);
        }
    }

    /**
     * Without a record limit.
     *
     * @param maxInFlight  the most records in flight
     * @param closeTimeout how long closing may wait
     */
    public PublishConfig(int maxInFlight, Duration closeTimeout) {
        this(maxInFlight, closeTimeout, 0);
    }

    /** @return 10,000 records in flight, 30 s to close, no record limit */
    public static PublishConfig defaults() {
        return new PublishConfig(DEFAULT_MAX_IN_FLIGHT, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * @param value the most records in flight
     * @return a copy with it
     */
    public PublishConfig withMaxInFlight(int value) {
        return new PublishConfig(value, closeTimeout, maxRecords);
    }

    /**
     * @param value how long closing may wait
     * @return a copy with it
     */
    public PublishConfig withCloseTimeout(Duration value) {
        return new PublishConfig(maxInFlight, value, maxRecords);
    }

    /**
     * @param value records to publish before stopping, 0 for no limit
     * @return a copy with it
     */
    public PublishConfig withMaxRecords(long value) {
        return new PublishConfig(maxInFlight, closeTimeout, value);
    }
}
