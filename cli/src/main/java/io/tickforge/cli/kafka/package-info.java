/**
 * Kafka client settings for the CLI's commands, built in one place ({@link io.tickforge.cli.kafka.KafkaConnection})
 * from the flags and the passthrough, so no command assembles {@code Properties} of its own.
 */
package io.tickforge.cli.kafka;
