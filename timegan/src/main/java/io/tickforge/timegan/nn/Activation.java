package io.tickforge.timegan.nn;

/** Output activation of a {@link Dense} head. */
public enum Activation {
    /** Identity: the head returns logits (the discriminator). */
    LINEAR,
    /** Logistic sigmoid into (0, 1) (embedder, recovery, generator, supervisor). */
    SIGMOID
}
