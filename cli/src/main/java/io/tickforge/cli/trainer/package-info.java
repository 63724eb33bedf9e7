/**
 * {@code tickforge trainer}: flags to the trainer's config records (validation messages name the flag), the Kafka
 * clients built from the one {@link io.tickforge.cli.kafka.KafkaConnection}, the model topic created compacted,
 * and the service run until Ctrl-C with {@code /metrics} and {@code /health}.
 */
package io.tickforge.cli.trainer;
