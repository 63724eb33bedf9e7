package io.tickforge.timegan.model;

/** The three training phases of TimeGAN, in the order they run. */
public enum Phase {
    /** Embedder and recovery learn to reconstruct X (minimise E0). */
    AUTOENCODER,
    /** The supervisor learns one-step-ahead prediction in the latent space (minimise G_S). */
    SUPERVISED,
    /** Generator, supervisor, embedder, recovery and discriminator train jointly. */
    JOINT
}
