/**
 * Publishing to Kafka: the {@link io.tickforge.producer.publish.PublishLoop} paces the feed's records to the rate
 * schedule (and, in realtime pace, to their event time) and the {@link io.tickforge.producer.publish.RecordPublisher}
 * hands them to an injected {@code Producer<String, byte[]>}.
 *
 * <p>Why: every record is accounted for (acknowledged, or failed and counted by error class and logged), memory is
 * bounded under backpressure (at most {@code publish.maxInFlight} records in flight; generation blocks beyond
 * that), and the publish delay is measured from the intended send time so that a slow broker is visible. Units:
 * ticker nanoseconds for pacing and delays, epoch milliseconds for record timestamps. The publishing thread owns the
 * loop and the publisher's send side; the producer (built idempotent with {@code acks=all} by the CLI) is owned by
 * the publisher and closed by it.
 */
package io.tickforge.producer.publish;
