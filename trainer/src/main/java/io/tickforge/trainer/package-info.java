/**
 * The trainer: a Kafka Streams application that turns the tick topic into ever-fresher TimeGAN models.
 *
 * <p>Data flows one way: {@code ingest} reads and validates ticks (bad ones go to the dead-letter topic) and closes
 * bars in event time; {@code window} keeps the latest bars per symbol in a changelogged store; {@code retrain}
 * decides when to train and trains off the stream threads; {@code gate} judges a candidate against the current
 * model on a held-out slice; {@code publish} writes accepted checkpoints to the compacted model topic and reads
 * them back on restart; {@code metrics} is the module's one catalogue of meters. {@link TrainerConfig} holds every
 * setting; Kafka client properties are built by the CLI.
 */
package io.tickforge.trainer;
