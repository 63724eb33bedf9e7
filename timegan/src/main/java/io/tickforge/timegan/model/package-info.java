/**
 * TimeGAN itself (Yoon, Jarrett, van der Schaar, NeurIPS 2019) on the hand-written engine of
 * {@link io.tickforge.timegan.nn}: the five nets (embedder, recovery, generator, supervisor, discriminator), the
 * forward graph and losses of the reference TF1 code, and its three training phases (autoencoder, supervised,
 * joint) with five Adam optimisers.
 *
 * <p>Batches are time-major {@code [T][B][features]} float arrays in [0, 1] (min-max scaled); the caller owns them.
 * The model owns its nets, optimisers and every activation and gradient buffer, sized once for the configured batch;
 * a model is confined to one thread. Noise and batch order come from a seeded
 * {@link java.util.random.RandomGenerator} passed in, so a seed and a data set fix the whole run.
 *
 * <p>{@link io.tickforge.timegan.model.TimeGanConfig} holds every hyperparameter of a model and its run (cell, sizes,
 * iterations per phase, learning rate, clipping, weight decay, seed). {@link io.tickforge.timegan.model.TrainingRun}
 * runs the phases with held-out validation (forward only, its own random source, so it never changes the training
 * steps) and stops with a {@link io.tickforge.timegan.model.TrainingDivergedException} naming phase and iteration
 * when a loss or gradient norm stops being finite, before the bad step reaches the weights.
 */
package io.tickforge.timegan.model;
