/**
 * tickforge's TimeGAN model library (no Kafka). {@link io.tickforge.timegan.nn} is the numerical engine: GRU stacks,
 * dense heads, losses, Adam and initialisers with hand-written forward and backward passes over flat float arrays;
 * {@link io.tickforge.timegan.model} is TimeGAN on that engine: its five nets, losses, three training phases and
 * endless sampling; {@link io.tickforge.timegan.data} prepares data (CSV tables, min-max scaling, sliding windows, the
 * sine benchmark, held-out splits); {@link io.tickforge.timegan.checkpoint} saves and loads a trained model with its
 * scaler and metadata in one versioned, checksummed file; {@link io.tickforge.timegan.sample} draws windows or
 * endless streams in original units; {@link io.tickforge.timegan.quality} scores synthetic data against real data
 * (the paper's discriminative and predictive scores, marginal, autocorrelation and correlation statistics).
 */
package io.tickforge.timegan;
