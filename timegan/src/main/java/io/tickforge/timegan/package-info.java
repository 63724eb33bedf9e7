/**
 * tickforge's TimeGAN model library (no Kafka). {@link io.tickforge.timegan.nn} is the numerical engine: GRU stacks,
 * dense heads, losses, Adam and initialisers with hand-written forward and backward passes over flat float arrays;
 * {@link io.tickforge.timegan.model} is TimeGAN on that engine: its five nets, losses, three training phases and
 * endless sampling. Scaling, checkpoints and quality metrics arrive in their own packages.
 */
package io.tickforge.timegan;
