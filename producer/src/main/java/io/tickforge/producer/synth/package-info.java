/**
 * Synthetic instruments: the {@link io.tickforge.producer.synth.SyntheticFeed} samples every served model as
 * {@code synth.instruments} endless streams that carry the generator's recurrent state, turns each step into a
 * valid bar with the checkpoint's scaler and feature transform, expands bars into ticks consistent with them, and
 * encodes records in the input topic's schemas with the headers of
 * {@link io.tickforge.producer.synth.SyntheticHeaders}.
 *
 * <p>Why a feed of its own, apart from Kafka: it is a pure function of its configuration, the models and the start
 * instant, so determinism, hot swaps and tick consistency are tested without a producer. Units: event times in epoch
 * milliseconds, prices in the training data's currency, sizes and volumes in units traded, bar intervals in
 * milliseconds. The feed is owned and called by the publishing thread; {@link io.tickforge.producer.synth.ServedModel}
 * and the configuration records are immutable and shared with the model follower.
 */
package io.tickforge.producer.synth;
