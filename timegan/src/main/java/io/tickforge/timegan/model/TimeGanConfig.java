package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentCell;
import java.util.Objects;

/**
 * Hyperparameters of a {@link TimeGan} and of its training run, with the reference code's values as defaults
 * ({@link #reference(int)}). Part of a model's provenance: the same configuration (seed included) and data give the
 * same model.
 *
 * <p>The optimiser settings shared by the five Adams (learning rate, global gradient-norm clipping, decoupled weight
 * decay) live in {@link #adam()} and are exposed here as {@link #learningRate()}, {@link #clipNorm()} and
 * {@link #weightDecay()}, with {@code with...} copies to change one of them; {@link AdamConfig} validates them.
 *
 * @param features d, features per time step of the data (the noise Z has d features too)
 * @param hidden h, width of every recurrent layer and of the latent space
 * @param layers L, recurrent layers of the embedder, recovery, generator and discriminator; the supervisor has
 *     L - 1, so at least 2
 * @param steps T, time steps per window (the reference's {@code seq_len})
 * @param batch B, windows per mini-batch
 * @param gamma weight of the latent-space adversarial terms ({@code G_Ue}, {@code D_fake_e}); 1 in the reference
 * @param discriminatorThreshold the joint phase updates D only when the D loss exceeds this; 0.15 in the reference
 * @param adam settings shared by the five optimisers (learning rate, clipping, weight decay)
 * @param init recurrent initialisation scheme
 * @param cell recurrent cell of all five nets (the reference's {@code module}: gru or lstm)
 * @param iterationsPerPhase iterations of each of the three phases (the reference's {@code iterations}), positive
 * @param seed seed of the initial weights and of the training run's batches and noise (see {@link TrainingRun})
 * @param emaDecay decay of an exponential moving average (Polyak averaging) of the embedder's, recovery's,
 *     generator's and supervisor's weights over the joint phase, which replaces their weights at the end of it (see
 *     {@link TimeGan#useAveragedWeights()}); 0 for none, as in the reference; otherwise in (0, 1), e.g. 0.999
 * @param jointLearningRate the joint phase's learning-rate schedule ({@link TrainingRun} applies it);
 *     {@link JointLearningRate#constant()} in the reference
 */
public record TimeGanConfig(int features, int hidden, int layers, int steps, int batch, double gamma,
        double discriminatorThreshold, AdamConfig adam, GruInit init, RecurrentCell cell, int iterationsPerPhase,
        long seed, double emaDecay, JointLearningRate jointLearningRate) {

    /** Iterations per phase of the paper's tutorial (the reference script's default is 50,000). */
    public static final int REFERENCE_ITERATIONS = 10_000;

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
     * @param init recurrent initialisation scheme
     * @param cell recurrent cell
     * @param iterationsPerPhase iterations per phase
     * @param seed seed of weights, batches and noise
     * @param emaDecay decay of the joint phase's weight average, 0 for none, else in (0, 1)
     * @param jointLearningRate the joint phase's learning-rate schedule
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
        Objects.requireNonNull(cell, "cell");
        positive("iterationsPerPhase", iterationsPerPhase);
        if (!(emaDecay == 0 || emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("emaDecay must be 0 (no weight average) or in (0, 1), got " + emaDecay);
        }
        Objects.requireNonNull(jointLearningRate, "jointLearningRate");
    }

    /**
     * A configuration without a weight average ({@code emaDecay} 0) and with a constant learning rate, as the
     * reference trains.
     *
     * @param features d
     * @param hidden h
     * @param layers L, at least 2
     * @param steps T, at least 2
     * @param batch B, at least 2
     * @param gamma latent adversarial weight
     * @param discriminatorThreshold D-step threshold
     * @param adam optimiser settings
     * @param init recurrent initialisation scheme
     * @param cell recurrent cell
     * @param iterationsPerPhase iterations per phase
     * @param seed seed of weights, batches and noise
     */
    public TimeGanConfig(int features, int hidden, int layers, int steps, int batch, double gamma,
            double discriminatorThreshold, AdamConfig adam, GruInit init, RecurrentCell cell, int iterationsPerPhase,
            long seed) {
        this(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init, cell,
                iterationsPerPhase, seed, 0.0, JointLearningRate.constant());
    }

    /**
     * The model hyperparameters alone, with a GRU cell, {@link #REFERENCE_ITERATIONS} iterations per phase and seed
     * 0.
     *
     * @param features d
     * @param hidden h
     * @param layers L, at least 2
     * @param steps T, at least 2
     * @param batch B, at least 2
     * @param gamma latent adversarial weight
     * @param discriminatorThreshold D-step threshold
     * @param adam optimiser settings
     * @param init recurrent initialisation scheme
     */
    public TimeGanConfig(int features, int hidden, int layers, int steps, int batch, double gamma,
            double discriminatorThreshold, AdamConfig adam, GruInit init) {
        this(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init, RecurrentCell.GRU,
                REFERENCE_ITERATIONS, 0L);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /**
     * The reference configuration: h 24, L 3, T 24, B 128, gamma 1, threshold 0.15, TF1 Adam defaults (lr 0.001, no
     * clipping, no weight decay), GRU cells with the engine's default initialisation, 10,000 iterations per phase
     * (the paper's tutorial), seed 0, no weight average.
     *
     * @param features d
     * @return the configuration
     */
    public static TimeGanConfig reference(int features) {
        return new TimeGanConfig(features, 24, 3, 24, 128, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, REFERENCE_ITERATIONS, 0L);
    }

    /** @return the learning rate of the five optimisers */
    public double learningRate() {
        return adam.learningRate();
    }

    /** @return the global gradient-norm clip of every optimiser step, 0 when off */
    public double clipNorm() {
        return adam.clipNorm();
    }

    /** @return the decoupled weight decay per step as a fraction of the learning rate, 0 when off */
    public double weightDecay() {
        return adam.weightDecay();
    }

    /**
     * @param value the new optimiser settings
     * @return a copy with these optimiser settings
     */
    public TimeGanConfig withAdam(AdamConfig value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, value, init,
                cell, iterationsPerPhase, seed, emaDecay, jointLearningRate);
    }

    /**
     * @param value the new learning rate, positive
     * @return a copy with this learning rate for the five optimisers
     */
    public TimeGanConfig withLearningRate(double value) {
        return withAdam(new AdamConfig(value, adam.beta1(), adam.beta2(), adam.epsilon(), adam.clipNorm(),
                adam.weightDecay()));
    }

    /**
     * @param value the new global gradient-norm clip, 0 for none
     * @return a copy that clips every optimiser step's gradients to this global norm
     */
    public TimeGanConfig withClipNorm(double value) {
        return withAdam(new AdamConfig(adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon(), value,
                adam.weightDecay()));
    }

    /**
     * @param value the new decoupled weight decay, 0 for none
     * @return a copy with this weight decay for the five optimisers
     */
    public TimeGanConfig withWeightDecay(double value) {
        return withAdam(new AdamConfig(adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon(),
                adam.clipNorm(), value));
    }

    /**
     * @param value the new recurrent cell
     * @return a copy with this cell in all five nets
     */
    public TimeGanConfig withCell(RecurrentCell value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init,
                value, iterationsPerPhase, seed, emaDecay, jointLearningRate);
    }

    /**
     * @param value the new number of iterations per phase
     * @return a copy with this many iterations per phase
     */
    public TimeGanConfig withIterationsPerPhase(int value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init,
                cell, value, seed, emaDecay, jointLearningRate);
    }

    /**
     * @param value the new seed
     * @return a copy with this seed
     */
    public TimeGanConfig withSeed(long value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init,
                cell, iterationsPerPhase, value, emaDecay, jointLearningRate);
    }

    /** @return whether the joint phase keeps a weight average ({@link #emaDecay()} above 0) */
    public boolean averagesWeights() {
        return emaDecay > 0;
    }

    /**
     * @param value the new decay of the joint phase's weight average, 0 for none
     * @return a copy with this weight-average decay
     */
    public TimeGanConfig withEmaDecay(double value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init,
                cell, iterationsPerPhase, seed, value, jointLearningRate);
    }

    /**
     * @param value the new learning-rate schedule of the joint phase
     * @return a copy with this schedule
     */
    public TimeGanConfig withJointLearningRate(JointLearningRate value) {
        return new TimeGanConfig(features, hidden, layers, steps, batch, gamma, discriminatorThreshold, adam, init,
                cell, iterationsPerPhase, seed, emaDecay, value);
    }
}
