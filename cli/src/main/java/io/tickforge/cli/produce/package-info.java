/**
 * {@code tickforge produce}: the producer service as a command. Flags become the producer's config records
 * ({@code io.tickforge.producer.ProduceConfig}), Kafka clients come from the one
 * {@link io.tickforge.cli.kafka.KafkaConnection}, and the service is served with {@code /metrics} and
 * {@code /health} until Ctrl-C, {@code --duration} or {@code --count}.
 */
package io.tickforge.cli.produce;
