package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.Adam;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The three phases of TimeGAN training on a {@link TimeGan}, with optional held-out validation and divergence
 * checks: what {@link TimeGan#train} runs, plus validation.
 *
 * <p>Each iteration reports a {@link TrainingProgress}. With a validation source, the model is evaluated forward
 * only ({@link TimeGan#evaluate}) after every {@link ValidationConfig#interval()}-th iteration of each phase and after
 * each phase's last iteration, on {@link ValidationConfig#batches()} batches drawn from the validation source with
 * the validation random source: it never draws from the training random source, so a run with validation takes
 * exactly the same training steps as one without. Generator and discriminator losses are validated in the joint phase.
 *
 * <p>With {@link TimeGanConfig#emaDecay()} above 0, the model's weights are replaced by their joint-phase average
 * ({@link TimeGan#useAveragedWeights()}) right after the joint phase's last iteration, before its last validation,
 * so that the last validation and everything after the run see the averaged model.
 *
 * <p>Each joint iteration runs at the learning rate of the configured schedule
 * ({@link TimeGanConfig#jointLearningRate()}, constant in the reference): every optimiser's rate is scaled before
 * the iteration and set back to the configured rate when the run ends.
 *
 * <p>A NaN or infinite training loss, gradient norm or validation loss stops the run with a
 * {@link TrainingDivergedException} naming the phase and the iteration; the model keeps the weights of the last
 * finite step. A run is confined to the model's thread.
 */
public final class TrainingRun {

    private final TimeGan model;
    private final BatchSource training;
    private final RandomGenerator rng;
    private final BatchSource validation;
    private final RandomGenerator validationRng;
    private final ValidationConfig validationConfig;

    /**
     * A run without validation.
     *
     * @param model the model to train
     * @param training source of real training batches (its batch size must be the configured one)
     * @param rng seeded random source for training batches and noise
     */
    public TrainingRun(TimeGan model, BatchSource training, RandomGenerator rng) {
        this.model = Objects.requireNonNull(model, "model");
        this.training = Objects.requireNonNull(training, "training");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.validation = null;
        this.validationRng = null;
        this.validationConfig = null;
        model.checkBatch("training batch", training.xBuffer(), expectedLength(model));
    }

    /**
     * A run that validates on held-out windows.
     *
     * @param model the model to train
     * @param training source of real training batches (its batch size must be the configured one)
     * @param rng seeded random source for training batches and noise
     * @param validation source of held-out batches, disjoint from the training windows (same batch size)
     * @param validationRng seeded random source for validation batches and noise, distinct from {@code rng}
     * @param validationConfig how often and on how many batches to validate
     */
    public TrainingRun(TimeGan model, BatchSource training, RandomGenerator rng, BatchSource validation,
            RandomGenerator validationRng, ValidationConfig validationConfig) {
        this.model = Objects.requireNonNull(model, "model");
        this.training = Objects.requireNonNull(training, "training");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.validationRng = Objects.requireNonNull(validationRng, "validationRng");
        this.validationConfig = Objects.requireNonNull(validationConfig, "validationConfig");
        if (validationRng == rng) {
            throw new IllegalArgumentException("validationRng must be distinct from the training rng, so that "
                    + "validation does not change the training run");
        }
        model.checkBatch("training batch", training.xBuffer(), expectedLength(model));
        model.checkBatch("validation batch", validation.xBuffer(), expectedLength(model));
    }

    /**
     * A run seeded from the model's configuration: training batches and noise from
     * {@code new SplittableRandom(seed + 1)} and validation from {@code new SplittableRandom(seed + 2)} (the initial
     * weights of {@link TimeGan#TimeGan(TimeGanConfig, io.tickforge.timegan.nn.Gemm)} use {@code seed} itself).
     *
     * @param model the model to train
     * @param training source of real training batches
     * @param validation source of held-out batches, or null for no validation
     * @param validationConfig how often and on how many batches to validate; ignored without validation
     * @return the run
     */
    public static TrainingRun seeded(TimeGan model, BatchSource training, BatchSource validation,
            ValidationConfig validationConfig) {
        long seed = Objects.requireNonNull(model, "model").config().seed();
        RandomGenerator rng = new SplittableRandom(seed + 1);
        if (validation == null) {
            return new TrainingRun(model, training, rng);
        }
        return new TrainingRun(model, training, rng, validation, new SplittableRandom(seed + 2), validationConfig);
    }

    private static int expectedLength(TimeGan model) {
        TimeGanConfig c = model.config();
        return c.steps() * c.batch() * c.features();
    }

    /**
     * Runs the three phases, {@link TimeGanConfig#iterationsPerPhase()} iterations each.
     *
     * @param listener called after every iteration (e.g. to log or to stop early by throwing)
     * @throws TrainingDivergedException when a loss or gradient norm is NaN or infinite
     */
    public void run(Consumer<TrainingProgress> listener) {
        run(model.config().iterationsPerPhase(), listener);
    }

    /**
     * Runs the three phases, {@code iterations} iterations each.
     *
     * @param iterations iterations per phase, at least 0
     * @param listener called after every iteration (e.g. to log or to stop early by throwing)
     * @throws TrainingDivergedException when a loss or gradient norm is NaN or infinite
     */
    public void run(int iterations, Consumer<TrainingProgress> listener) {
        Objects.requireNonNull(listener, "listener");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        try {
            for (Phase phase : Phase.values()) {
                for (int i = 0; i < iterations; i++) {
                    TrainingProgress progress;
                    try {
                        progress = iterate(phase, i, iterations);
                    } catch (TrainingDivergedException e) {
                        throw e.iteration() < 0 ? e.atIteration(i) : e;
                    }
                    listener.accept(progress);
                }
            }
        } finally {
            // back to the configured rate for whatever trains this model next (a warm start)
            setLearningRateScale(1.0);
        }
    }

    private TrainingProgress iterate(Phase phase, int i, int iterations) {
        double loss;
        JointLosses joint = null;
        switch (phase) {
            case AUTOENCODER -> {
                training.nextBatch(rng);
                loss = model.autoencoderStep(training.xBuffer());
            }
            case SUPERVISED -> {
                training.nextBatch(rng);
                loss = model.supervisedStep(training.xBuffer());
            }
            case JOINT -> {
                setLearningRateScale(model.config().jointLearningRate().scale(i, iterations));
                joint = model.jointIteration(training, rng);
                loss = joint.generator().total();
                if (i == iterations - 1) {
                    // the trained model is the weight average, when the config keeps one; validate that one
                    model.useAveragedWeights();
                }
            }
            default -> throw new IllegalStateException("unknown phase " + phase);
        }
        ValidationLosses validated = null;
        if (validation != null && ((i + 1) % validationConfig.interval() == 0 || i == iterations - 1)) {
            validated = validate(phase, i);
        }
        return new TrainingProgress(phase, i, iterations, loss, joint, validated);
    }

    private void setLearningRateScale(double scale) {
        for (Adam optimiser : model.optimisers()) {
            optimiser.setLearningRateScale(scale);
        }
    }

    private ValidationLosses validate(Phase phase, int i) {
        boolean adversarial = phase == Phase.JOINT;
        int n = validationConfig.batches();
        double eT0 = 0;
        double gS = 0;
        double[] g = new double[6];
        double dLoss = 0;
        for (int k = 0; k < n; k++) {
            validation.nextBatch(validationRng);
            if (adversarial) {
                validation.nextNoise(validationRng);
            }
            ValidationLosses one = model.evaluate(validation.xBuffer(), validation.zBuffer(), adversarial);
            eT0 += one.reconstruction();
            gS += one.supervised();
            if (adversarial) {
                GeneratorLosses gl = one.adversarial().generator();
                g[0] += gl.adversarial();
                g[1] += gl.adversarialLatent();
                g[2] += gl.supervised();
                g[3] += gl.momentStd();
                g[4] += gl.momentMean();
                g[5] += gl.total();
                dLoss += one.adversarial().discriminator();
            }
        }
        requireFinite(phase, i, "validation reconstruction loss E_T0", eT0);
        requireFinite(phase, i, "validation supervised loss G_S", gS);
        AdversarialLosses adv = null;
        if (adversarial) {
            requireFinite(phase, i, "validation generator loss", g[5]);
            requireFinite(phase, i, "validation discriminator loss", dLoss);
            adv = new AdversarialLosses(new GeneratorLosses(g[0] / n, g[1] / n, g[2] / n, g[3] / n, g[4] / n,
                    g[5] / n), dLoss / n);
        }
        return new ValidationLosses(eT0 / n, gS / n, n, adv);
    }

    private static void requireFinite(Phase phase, int iteration, String quantity, double value) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(phase, iteration, quantity, value);
        }
    }
}
