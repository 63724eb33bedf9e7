/**
 * One training run from data to model file: {@link io.tickforge.timegan.train.Dataset} loads a CSV (split
 * chronologically, scaled on the training rows) or the paper's sine set; {@link io.tickforge.timegan.train.TrainingJob}
 * trains with held-out validation, times every iteration, optionally scores the result with the paper's metrics and
 * returns a {@link io.tickforge.timegan.checkpoint.Checkpoint} with a {@link io.tickforge.timegan.train.TrainingReport}.
 * Used by {@code tickforge train} and, with warm starts from a current model and the caller's
 * {@link io.tickforge.timegan.train.Provenance}, by the trainer service.
 */
package io.tickforge.timegan.train;
