/**
 * The producer: a service that follows the model topic, hot-swaps models, samples each as endless synthetic
 * instruments that carry the generator's recurrent state, and publishes synthetic ticks (or bars) in the input's
 * schema, at a controlled rate.
 *
 * <p>Data flows one way: {@code follow} reads and checks checkpoints from the compacted model topic; {@code synth}
 * turns the served models into records (bars, or ticks consistent with them, with provenance and sequence
 * headers); {@code rate} decides when each record is due; {@code publish} sends them through an injected
 * {@code Producer} with bounded memory; {@code metrics} is the module's one catalogue of meters.
 * {@link io.tickforge.producer.ProduceConfig} holds every setting; Kafka client properties are built by the CLI and
 * reach the service through {@link io.tickforge.producer.ProducerKafka}. The producer never depends on the trainer.
 */
package io.tickforge.producer;
