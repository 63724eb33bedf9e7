package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.GruInit;
import java.util.Objects;

/**
 * Hyperparameters of a {@link TimeGan}, with the reference code's values as defaults
 * ({@link #reference(int)}).
 *
 * @param features d, features per time step of the data (the noise Z has d features too)
 * @param hidden h, width of every GRU layer and of the latent space
 * @param layers L, GRU layers of the embedder, recovery, generator and discriminator; the supervisor has L - 1, so
 *     at least 2
 * @param steps T, time steps per window
 * @param batch B, windows per mini-batch
 * @param gamma weight of the latent-space adversarial terms ({@code G_Ue}, {@code D_fake_e}); 1 in the reference
 * @param discriminatorThreshold the joint phase updates D only when the D loss exceeds this; 0.15 in the reference
 * @param adam settings shared by the five optimisers
 * @param init GRU initialisation scheme
 */
public record TimeGanConfig(int features, int hidden, int layers, int steps, int batch, double gamma,
        double discriminatorThreshold, AdamConfig adam, GruInit init) {

    /**
     * Validates every field; messages name the field and the value.
     *
     * @param features d
     * @param hidden h
     * @param layers L, at least 2
     * @param steps T, at least 2
     * @param batch B, at least 2
     * @param gamma latent adversarial weight
     * @param discriminatorThreshold D-step threshold
     * @param adam optimiser settings
     * @param init GRU initialisation scheme
     */
    public TimeGanConfig {
        positive("features", features);
        positive("hidden", hidden);
        positive("steps", steps);
        positive("batch", batch);
        if (layers < 2) {
            throw new IllegalArgumentException("layers must be at least 2 (the supervisor has layers - 1), got "
                    + layers);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2 (the supervised loss looks one step ahead), "
                    + "got " + steps);
        }
        if (batch < 2) {
            throw new IllegalArgumentException("batch must be at least 2 (moments over the batch), got " + batch);
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be >= 0 and finite, got " + gamma);
        }
        if (!(discriminatorThreshold >= 0) || Double.isInfinite(discriminatorThreshold)) {
            throw new IllegalArgumentException("discriminatorThreshold must be >= 0 and finite, got "
                    + discriminatorThreshold);
        }
        Objects.requireNonNull(adam, "adam");
        Objects.requireNonNull(init, "init");
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /**
     * The reference configuration: h 24, L 3, T 24, B 128, gamma 1, threshold 0.15, TF1 Adam defaults, and the
     * engine's default initialisation.
     *
     * @param features d
     * @return the configuration
     */
    public static TimeGanConfig reference(int features) {
        return new TimeGanConfig(features, 24, 3, 24, 128, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL);
    }
}
