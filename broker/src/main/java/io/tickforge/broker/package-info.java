/**
 * The embedded default Kafka: a real single-node KRaft broker from Kafka's own jars, formatted with
 * {@code StorageTool} and run with {@code KafkaRaftServer}. tickforge needs no Kafka installation to run its demo or
 * its integration tests; anyone with a Kafka cluster points tickforge at it instead.
 *
 * <p>{@link io.tickforge.broker.EmbeddedKafkaBroker} owns the broker's lifecycle (format, start, stop, restart on
 * the same data directory); {@link io.tickforge.broker.BrokerConfig} says how to run it. Durations are
 * {@link java.time.Duration}s, ports are TCP ports on the configured host (0 = pick a free one).
 */
package io.tickforge.broker;
