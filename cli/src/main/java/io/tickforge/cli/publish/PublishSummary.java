package io.tickforge.cli.publish;

import java.time.Duration;
import java.util.Map;

/**
 * What a publishing run did: records handed to Kafka, acknowledged and failed, and how long it took.
 *
 * @param sent            records handed to the producer
 * @param acked           records the broker acknowledged
 * @param failed          records whose send failed (each was logged)
 * @param failuresByError failed sends by exception class simple name
 * @param elapsed         wall time from the first send to the final flush
 */
public record PublishSummary(long sent, long acked, long failed, Map<String, Long> failuresByError, Duration elapsed) {

    /** Copies the map. */
    public PublishSummary {
        failuresByError = Map.copyOf(failuresByError);
    }

    /** @return acknowledged records per second over the run */
    public double ackedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : acked / seconds;
    }
}
