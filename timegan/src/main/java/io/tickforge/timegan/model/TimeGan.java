package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.Activation;
import io.tickforge.timegan.nn.Adam;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Losses;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.nn.RecurrentNet;
import io.tickforge.timegan.nn.WeightAverage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * TimeGAN's five nets, five optimisers and training steps, faithful to the reference TF1 code.
 *
 * <pre>
 *   H = E(X)   X~ = R(H)   Ê = G(Z)   Ĥ = S(Ê)   Ĥs = S(H)   X̂ = R(Ĥ)
 *   Yreal = D(H)   Yfake = D(Ĥ)   YfakeE = D(Ê)
 *   E_T0 = MSE(X, X~)          E0 = 10 sqrt(E_T0)           E = E0 + 0.1 G_S
 *   G_S  = MSE(H[:, 1:], Ĥs[:, :-1])
 *   G    = BCE(1, Yfake) + gamma BCE(1, YfakeE) + 100 sqrt(G_S) + 100 (G_V1 + G_V2)
 *   D    = BCE(1, Yreal) + BCE(0, Yfake) + gamma BCE(0, YfakeE)
 * </pre>
 * Optimisers (TF1 Adam each, own moments and step count): E0 and E on embedder + recovery, D on the discriminator,
 * G and GS on generator + supervisor. Phase 1 minimises E0 ({@link #autoencoderStep}), phase 2 minimises G_S
 * ({@link #supervisedStep}; only the supervisor receives gradient), phase 3 runs {@link #jointIteration}: twice a
 * G step then an E step, then one D step taken only when D exceeds the threshold.
 *
 * <p>Training hygiene: every step checks its loss and its gradients' global norm before the optimiser step and
 * throws {@link TrainingDivergedException} when either is NaN or infinite, so a diverged model keeps its last finite
 * weights; the five optimisers share {@link TimeGanConfig#adam()}, so gradient-norm clipping and weight decay apply to
 * all of them. {@link #evaluate} computes losses on held-out data forward only.
 *
 * <p>Optional, off in the reference configuration: with {@link TimeGanConfig#emaDecay()} above 0, the joint phase
 * keeps an exponential moving average ({@link WeightAverage}) of the embedder's, recovery's, generator's and
 * supervisor's weights, started at the first {@link #jointIteration} and updated after each; training steps always
 * use the raw weights, and {@link #useAveragedWeights()} (which {@link TrainingRun} calls after the joint phase's
 * last iteration) replaces them by the average, so that sampling and checkpoints use the averaged nets. The
 * discriminator is not averaged: it only serves training.
 *
 * <p>Every step takes its batches as time-major {@code [T][B][d]} arrays: X, the real windows scaled to [0, 1], and
 * Z, noise in U[0, 1). The model is confined to one thread.
 */
public final class TimeGan {

    private final TimeGanConfig config;
    private final RecurrentNet embedder;
    private final RecurrentNet recovery;
    private final RecurrentNet generator;
    private final RecurrentNet supervisor;
    private final RecurrentNet discriminator;
    private final Adam e0Opt;
    private final Adam eOpt;
    private final Adam dOpt;
    private final Adam gOpt;
    private final Adam gsOpt;

    // one tape per application of a net in the graph
    private final RecurrentNet.Tape eOnX;
    private final RecurrentNet.Tape rOnH;
    private final RecurrentNet.Tape gOnZ;
    private final RecurrentNet.Tape sOnEhat;
    private final RecurrentNet.Tape sOnH;
    private final RecurrentNet.Tape rOnHhat;
    private final RecurrentNet.Tape dOnH;
    private final RecurrentNet.Tape dOnHhat;
    private final RecurrentNet.Tape dOnEhat;

    // gradient buffers
    private final float[] gradX;
    private final float[] gradH;
    private final float[] gradHs;
    private final float[] gradHhat;
    private final float[] gradEhat;
    private final float[] gradY;

    private final int d;
    private final int h;
    private final int rowsX;
    private final int rowsH;
    private final int shifted;

    // the joint phase's weight average; null when off or before the first joint iteration
    private WeightAverage average;
    // the raw weights the last useAveragedWeights() replaced; null when none
    private float[][] lastIterate;

    /**
     * Builds the nets with initial weights drawn from {@code new SplittableRandom(config.seed())}.
     *
     * @param config hyperparameters, seed included
     * @param gemm matrix multiply for all passes ({@link Gemm#openBlas()} is the fastest measured)
     */
    public TimeGan(TimeGanConfig config, Gemm gemm) {
        this(config, new SplittableRandom(Objects.requireNonNull(config, "config").seed()), gemm);
    }

    /**
     * Builds the nets from a seeded random source (consumed in the order embedder, recovery, generator,
     * supervisor, discriminator) and allocates every buffer.
     *
     * @param config hyperparameters
     * @param rng seeded random source for the initial weights
     * @param gemm matrix multiply for all passes ({@link Gemm#openBlas()} is the fastest measured)
     */
    public TimeGan(TimeGanConfig config, RandomGenerator rng, Gemm gemm) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(gemm, "gemm");
        this.d = config.features();
        this.h = config.hidden();
        int layers = config.layers();
        RecurrentCell cell = config.cell();
        GruInit init = config.init();
        this.embedder = new RecurrentNet("embedder", cell, d, h, layers, h, Activation.SIGMOID, init, rng);
        this.recovery = new RecurrentNet("recovery", cell, h, h, layers, d, Activation.SIGMOID, init, rng);
        this.generator = new RecurrentNet("generator", cell, d, h, layers, h, Activation.SIGMOID, init, rng);
        this.supervisor = new RecurrentNet("supervisor", cell, h, h, layers - 1, h, Activation.SIGMOID, init, rng);
        this.discriminator = new RecurrentNet("discriminator", cell, h, h, layers, 1, Activation.LINEAR, init, rng);
        this.e0Opt = new Adam(concat(embedder, recovery), config.adam());
        this.eOpt = new Adam(concat(embedder, recovery), config.adam());
        this.dOpt = new Adam(discriminator.params(), config.adam());
        this.gOpt = new Adam(concat(generator, supervisor), config.adam());
        this.gsOpt = new Adam(concat(generator, supervisor), config.adam());
        int b = config.batch();
        int t = config.steps();
        this.eOnX = embedder.newTape(b, t, gemm);
        this.rOnH = recovery.newTape(b, t, gemm);
        this.gOnZ = generator.newTape(b, t, gemm);
        this.sOnEhat = supervisor.newTape(b, t, gemm);
        this.sOnH = supervisor.newTape(b, t, gemm);
        this.rOnHhat = recovery.newTape(b, t, gemm);
        this.dOnH = discriminator.newTape(b, t, gemm);
        this.dOnHhat = discriminator.newTape(b, t, gemm);
        this.dOnEhat = discriminator.newTape(b, t, gemm);
        this.rowsX = b * t * d;
        this.rowsH = b * t * h;
        this.shifted = b * (t - 1) * h;
        this.gradX = new float[rowsX];
        this.gradH = new float[rowsH];
        this.gradHs = new float[rowsH];
        this.gradHhat = new float[rowsH];
        this.gradEhat = new float[rowsH];
        this.gradY = new float[b * t];
    }

    private static List<Param> concat(RecurrentNet a, RecurrentNet b) {
        List<Param> all = new ArrayList<>(a.params());
        all.addAll(b.params());
        return all;
    }

    /** @return the hyperparameters */
    public TimeGanConfig config() {
        return config;
    }

    /** @return the embedder E: X to H */
    public RecurrentNet embedder() {
        return embedder;
    }

    /** @return the recovery R: H to X */
    public RecurrentNet recovery() {
        return recovery;
    }

    /** @return the generator G: Z to Ê */
    public RecurrentNet generator() {
        return generator;
    }

    /** @return the supervisor S: H to next-step H */
    public RecurrentNet supervisor() {
        return supervisor;
    }

    /** @return the discriminator D: H to a logit per step */
    public RecurrentNet discriminator() {
        return discriminator;
    }

    /**
     * Replaces the embedder's, recovery's, generator's and supervisor's weights by their average over the joint
     * iterations since the first one (or since the last call), and ends that average: a later joint iteration starts
     * a new one from the weights as they then are. Does nothing when the configuration keeps no average
     * ({@link TimeGanConfig#emaDecay()} 0) or no joint iteration ran since the last call. The optimisers' moments are
     * left as they are. The replaced weights are kept for {@link #useLastIterateWeights()}.
     *
     * @return whether the weights were replaced
     */
    public boolean useAveragedWeights() {
        if (average == null) {
            return false;
        }
        List<Param> params = averagedParams();
        lastIterate = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            lastIterate[i] = params.get(i).value().clone();
        }
        average.copyToParams();
        average = null;
        return true;
    }

    /**
     * Puts back the weights that the last {@link #useAveragedWeights()} replaced by their average: the last joint
     * iteration's own weights, as a run without an average would have ended. For comparing the two models of one
     * training run.
     *
     * @return whether the weights were replaced; false when no averaged weights are in use
     */
    public boolean useLastIterateWeights() {
        if (lastIterate == null) {
            return false;
        }
        List<Param> params = averagedParams();
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(lastIterate[i], 0, params.get(i).value(), 0, lastIterate[i].length);
        }
        lastIterate = null;
        return true;
    }

    /**
     * A copy of the weights sampling depends on: the embedder's, recovery's, generator's and supervisor's (the
     * discriminator only serves training), in a fixed order. For keeping a snapshot of the model during training
     * and putting it back with {@link #setGenerativeWeights(float[][])}.
     *
     * @return one array per parameter, copies
     */
    public float[][] generativeWeights() {
        List<Param> params = averagedParams();
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            copy[i] = params.get(i).value().clone();
        }
        return copy;
    }

    /**
     * A copy of the joint phase's running weight average, in the layout of {@link #generativeWeights()}.
     *
     * @return the copy, or null when no average is being kept (none configured, no joint iteration yet, or
     *     already applied by {@link #useAveragedWeights()})
     */
    public float[][] averagedGenerativeWeights() {
        if (average == null) {
            return null;
        }
        float[][] copy = new float[averagedParams().size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = average.average(i).clone();
        }
        return copy;
    }

    /**
     * A copy of the last iterate's weights that {@link #useAveragedWeights()} replaced by their average, in the
     * layout of {@link #generativeWeights()}.
     *
     * @return the copy, or null when the weights in use are not an average
     */
    public float[][] lastIterateGenerativeWeights() {
        if (lastIterate == null) {
            return null;
        }
        float[][] copy = new float[lastIterate.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = lastIterate[i].clone();
        }
        return copy;
    }

    /**
     * Overwrites the embedder's, recovery's, generator's and supervisor's weights with {@code weights} (copied), e.g.
     * a snapshot from {@link #generativeWeights()}. The optimisers' moments, the discriminator and any weight
     * average are left as they are.
     *
     * @param weights one array per parameter, in the layout of {@link #generativeWeights()}
     * @throws IllegalArgumentException when the layout differs
     */
    public void setGenerativeWeights(float[][] weights) {
        Objects.requireNonNull(weights, "weights");
        List<Param> params = averagedParams();
        if (weights.length != params.size()) {
            throw new IllegalArgumentException("weights must have " + params.size() + " parameters, got "
                    + weights.length);
        }
        for (int i = 0; i < params.size(); i++) {
            if (weights[i].length != params.get(i).size()) {
                throw new IllegalArgumentException("weights[" + i + "] (" + params.get(i).name() + ") must have "
                        + params.get(i).size() + " values, got " + weights[i].length);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(weights[i], 0, params.get(i).value(), 0, weights[i].length);
        }
    }

    /** @return the running weight average of the joint phase, or null when none is being kept */
    WeightAverage weightAverage() {
        return average;
    }

    private List<Param> averagedParams() {
        List<Param> all = concat(embedder, recovery);
        all.addAll(concat(generator, supervisor));
        return all;
    }

    /** @return the five optimisers in the order E0, E, D, G, GS */
    public List<Adam> optimisers() {
        return List.of(e0Opt, eOpt, dOpt, gOpt, gsOpt);
    }

    private void zeroAllGrads() {
        embedder.zeroGrad();
        recovery.zeroGrad();
        generator.zeroGrad();
        supervisor.zeroGrad();
        discriminator.zeroGrad();
    }

    void checkBatch(String field, float[] batch, int length) {
        Objects.requireNonNull(batch, field);
        if (batch.length != length) {
            throw new IllegalArgumentException(field + " must hold T*B*d = " + length + " values, got "
                    + batch.length);
        }
    }

    private static void requireFinite(Phase phase, String quantity, double value) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(phase, -1, quantity, value);
        }
    }

    /** Takes an optimiser step unless the gradients' global norm is not finite. */
    private static void update(Adam optimiser, Phase phase, String quantity) {
        requireFinite(phase, quantity, optimiser.gradientNorm());
        optimiser.step();
    }

    private static double sqrtGradScale(double weight, double value) {
        // d(weight sqrt(L))/dL; at L = 0 the reference gives an infinite gradient, we give none
        return value > 0 ? weight / (2 * Math.sqrt(value)) : 0.0;
    }

    // ---------------------------------------------------------------- phase 1: autoencoder

    /**
     * Loss of phase 1 with its gradients in the embedder's and recovery's {@link Param#grad()}, no update.
     *
     * @param x real batch {@code [T][B][d]}
     * @return {@code E_T0}
     */
    double autoencoderGradients(float[] x) {
        checkBatch("x", x, rowsX);
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] xTilde = recovery.forward(hh, 0, rOnH);
        double eT0 = Losses.mse(x, 0, xTilde, 0, rowsX);
        zeroAllGrads();
        Arrays.fill(gradX, 0f);
        Losses.mseGrad(x, 0, xTilde, 0, rowsX, sqrtGradScale(10, eT0), null, 0, gradX, 0);
        float[] dh = recovery.backward(gradX, 0, rOnH, true);
        embedder.backward(dh, 0, eOnX, false);
        return eT0;
    }

    /**
     * One phase-1 step: minimise {@code E0 = 10 sqrt(E_T0)} over embedder and recovery.
     *
     * @param x real batch {@code [T][B][d]}
     * @return {@code E_T0} before the update (the reference prints its square root)
     * @throws TrainingDivergedException when the loss or the gradients' global norm is NaN or infinite; the
     *     weights and the optimiser are left as they were
     */
    public double autoencoderStep(float[] x) {
        double eT0 = autoencoderGradients(x);
        requireFinite(Phase.AUTOENCODER, "reconstruction loss E_T0", eT0);
        update(e0Opt, Phase.AUTOENCODER, "embedder and recovery gradient norm");
        return eT0;
    }

    // ---------------------------------------------------------------- phase 2: supervised

    /**
     * Supervised loss with its gradient in the supervisor's {@link Param#grad()}, no update.
     *
     * @param x real batch
     * @return {@code G_S}
     */
    double supervisedGradients(float[] x) {
        checkBatch("x", x, rowsX);
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] hs = supervisor.forward(hh, 0, sOnH);
        double gS = Losses.mse(hh, rowsH - shifted, hs, 0, shifted);
        zeroAllGrads();
        Arrays.fill(gradHs, 0f);
        Losses.mseGrad(hh, rowsH - shifted, hs, 0, shifted, 1.0, null, 0, gradHs, 0);
        supervisor.backward(gradHs, 0, sOnH, false);
        return gS;
    }

    /**
     * One phase-2 step: minimise {@code G_S} with the GS optimiser (generator + supervisor; only the supervisor is
     * in the loss's graph, so the generator stays as it is).
     *
     * @param x real batch
     * @return {@code G_S} before the update
     * @throws TrainingDivergedException when the loss or the gradients' global norm is NaN or infinite; the
     *     weights and the optimiser are left as they were
     */
    public double supervisedStep(float[] x) {
        double gS = supervisedGradients(x);
        requireFinite(Phase.SUPERVISED, "supervised loss G_S", gS);
        update(gsOpt, Phase.SUPERVISED, "supervisor gradient norm");
        return gS;
    }

    // ---------------------------------------------------------------- phase 3: joint

    /**
     * Generator loss with its gradients in the generator's and supervisor's {@link Param#grad()} (the other nets'
     * gradients are byproducts and are not used), no update.
     *
     * @param x real batch
     * @param z noise batch
     * @return the loss terms
     */
    GeneratorLosses generatorGradients(float[] x, float[] z) {
        checkBatch("x", x, rowsX);
        checkBatch("z", z, rowsX);
        int n = config.batch() * config.steps();
        double gamma = config.gamma();
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] eHat = generator.forward(z, 0, gOnZ);
        float[] hHat = supervisor.forward(eHat, 0, sOnEhat);
        float[] hs = supervisor.forward(hh, 0, sOnH);
        float[] xHat = recovery.forward(hHat, 0, rOnHhat);
        float[] yFake = discriminator.forward(hHat, 0, dOnHhat);
        float[] yFakeE = discriminator.forward(eHat, 0, dOnEhat);
        double gU = Losses.bceWithLogits(yFake, 0, n, 1f);
        double gUe = Losses.bceWithLogits(yFakeE, 0, n, 1f);
        double gS = Losses.mse(hh, rowsH - shifted, hs, 0, shifted);
        double[] v = Losses.moments(xHat, x, config.steps(), config.batch(), d);
        double total = gU + gamma * gUe + 100 * Math.sqrt(gS) + 100 * (v[0] + v[1]);

        zeroAllGrads();
        // adversarial terms through D into Ĥ and Ê
        Arrays.fill(gradY, 0f);
        Losses.bceWithLogitsGrad(yFake, 0, n, 1f, 1.0, gradY, 0);
        System.arraycopy(discriminator.backward(gradY, 0, dOnHhat, true, false), 0, gradHhat, 0, rowsH);
        Arrays.fill(gradY, 0f);
        Losses.bceWithLogitsGrad(yFakeE, 0, n, 1f, gamma, gradY, 0);
        System.arraycopy(discriminator.backward(gradY, 0, dOnEhat, true, false), 0, gradEhat, 0, rowsH);
        // moments through R into Ĥ
        Arrays.fill(gradX, 0f);
        Losses.momentsGrad(xHat, x, config.steps(), config.batch(), d, 100, 100, gradX);
        addInto(gradHhat, recovery.backward(gradX, 0, rOnHhat, true, false));
        // supervised term into S (applied to H; E is not trained by G)
        Arrays.fill(gradHs, 0f);
        Losses.mseGrad(hh, rowsH - shifted, hs, 0, shifted, sqrtGradScale(100, gS), null, 0, gradHs, 0);
        supervisor.backward(gradHs, 0, sOnH, false);
        // Ĥ = S(Ê), Ê = G(Z)
        addInto(gradEhat, supervisor.backward(gradHhat, 0, sOnEhat, true));
        generator.backward(gradEhat, 0, gOnZ, false);
        return new GeneratorLosses(gU, gUe, gS, v[0], v[1], total);
    }

    /**
     * One G step of the joint phase: minimise G over generator and supervisor.
     *
     * @param x real batch
     * @param z noise batch
     * @return the loss terms before the update
     * @throws TrainingDivergedException when the loss or the gradients' global norm is NaN or infinite; the
     *     weights and the optimiser are left as they were
     */
    public GeneratorLosses generatorStep(float[] x, float[] z) {
        GeneratorLosses losses = generatorGradients(x, z);
        requireFinite(Phase.JOINT, "generator loss", losses.total());
        update(gOpt, Phase.JOINT, "generator and supervisor gradient norm");
        return losses;
    }

    /**
     * Embedder loss with its gradients in the embedder's and recovery's {@link Param#grad()}, no update.
     *
     * @param x real batch
     * @return {@code E_T0} and {@code G_S} as {@code {eT0, gS, total}}
     */
    double[] embedderGradients(float[] x) {
        checkBatch("x", x, rowsX);
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] xTilde = recovery.forward(hh, 0, rOnH);
        float[] hs = supervisor.forward(hh, 0, sOnH);
        double eT0 = Losses.mse(x, 0, xTilde, 0, rowsX);
        double gS = Losses.mse(hh, rowsH - shifted, hs, 0, shifted);
        double total = 10 * Math.sqrt(eT0) + 0.1 * gS;
        zeroAllGrads();
        Arrays.fill(gradX, 0f);
        Losses.mseGrad(x, 0, xTilde, 0, rowsX, sqrtGradScale(10, eT0), null, 0, gradX, 0);
        System.arraycopy(recovery.backward(gradX, 0, rOnH, true), 0, gradH, 0, rowsH);
        Arrays.fill(gradHs, 0f);
        Losses.mseGrad(hh, rowsH - shifted, hs, 0, shifted, 0.1, gradH, rowsH - shifted, gradHs, 0);
        addInto(gradH, supervisor.backward(gradHs, 0, sOnH, true, false));
        embedder.backward(gradH, 0, eOnX, false);
        return new double[] {eT0, gS, total};
    }

    /**
     * One E step of the joint phase: minimise {@code E = 10 sqrt(E_T0) + 0.1 G_S} over embedder and recovery.
     *
     * @param x real batch
     * @return {@code E_T0} before the update
     * @throws TrainingDivergedException when the loss or the gradients' global norm is NaN or infinite; the
     *     weights and the optimiser are left as they were
     */
    public double embedderStep(float[] x) {
        double[] e = embedderGradients(x);
        requireFinite(Phase.JOINT, "embedder loss", e[2]);
        update(eOpt, Phase.JOINT, "embedder and recovery gradient norm");
        return e[0];
    }

    /**
     * Discriminator loss; when {@code withGradients}, its gradients in the discriminator's {@link Param#grad()}.
     *
     * @param x real batch
     * @param z noise batch
     * @param withGradients whether to back-propagate
     * @return D
     */
    double discriminatorLoss(float[] x, float[] z, boolean withGradients) {
        checkBatch("x", x, rowsX);
        checkBatch("z", z, rowsX);
        int n = config.batch() * config.steps();
        double gamma = config.gamma();
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] eHat = generator.forward(z, 0, gOnZ);
        float[] hHat = supervisor.forward(eHat, 0, sOnEhat);
        float[] yReal = discriminator.forward(hh, 0, dOnH);
        float[] yFake = discriminator.forward(hHat, 0, dOnHhat);
        float[] yFakeE = discriminator.forward(eHat, 0, dOnEhat);
        double loss = Losses.bceWithLogits(yReal, 0, n, 1f) + Losses.bceWithLogits(yFake, 0, n, 0f)
                + gamma * Losses.bceWithLogits(yFakeE, 0, n, 0f);
        if (withGradients) {
            discriminatorBackward();
        }
        return loss;
    }

    /** Gradients of D into the discriminator, from the activations of the last {@link #discriminatorLoss}. */
    private void discriminatorBackward() {
        int n = config.batch() * config.steps();
        zeroAllGrads();
        Arrays.fill(gradY, 0f);
        Losses.bceWithLogitsGrad(dOnH.output(), 0, n, 1f, 1.0, gradY, 0);
        discriminator.backward(gradY, 0, dOnH, false);
        Arrays.fill(gradY, 0f);
        Losses.bceWithLogitsGrad(dOnHhat.output(), 0, n, 0f, 1.0, gradY, 0);
        discriminator.backward(gradY, 0, dOnHhat, false);
        Arrays.fill(gradY, 0f);
        Losses.bceWithLogitsGrad(dOnEhat.output(), 0, n, 0f, config.gamma(), gradY, 0);
        discriminator.backward(gradY, 0, dOnEhat, false);
    }

    /**
     * One D step of the joint phase: evaluate D and update the discriminator only when D exceeds the threshold
     * (the reference's "train D only when it does not work well").
     *
     * @param x real batch
     * @param z noise batch
     * @return the loss and whether D was updated
     * @throws TrainingDivergedException when the loss or the gradients' global norm is NaN or infinite; the
     *     weights and the optimiser are left as they were
     */
    public DiscriminatorStep discriminatorStep(float[] x, float[] z) {
        double loss = discriminatorLoss(x, z, false);
        requireFinite(Phase.JOINT, "discriminator loss", loss);
        if (loss > config.discriminatorThreshold()) {
            discriminatorBackward();
            update(dOpt, Phase.JOINT, "discriminator gradient norm");
            return new DiscriminatorStep(loss, true);
        }
        return new DiscriminatorStep(loss, false);
    }

    /**
     * One iteration of the joint phase, as in the reference: twice {a G step, then an E step on the same batch},
     * each time with a fresh batch and fresh noise, then one D step with a fresh batch and noise. With
     * {@link TimeGanConfig#emaDecay()} above 0, the weight average is started before the first joint iteration and
     * updated after each (see {@link #useAveragedWeights()}); it draws no random numbers.
     *
     * @param batches source of real batches
     * @param rng seeded random source for batches and noise
     * @return the losses of the last G step, the last E step's E_T0 and the D step
     */
    public JointLosses jointIteration(BatchSource batches, RandomGenerator rng) {
        if (average == null && config.averagesWeights()) {
            average = new WeightAverage(averagedParams(), config.emaDecay());
        }
        float[] x = batches.xBuffer();
        float[] z = batches.zBuffer();
        GeneratorLosses g = null;
        double eT0 = 0;
        for (int kk = 0; kk < 2; kk++) {
            batches.nextBatch(rng);
            batches.nextNoise(rng);
            g = generatorStep(x, z);
            eT0 = embedderStep(x);
        }
        batches.nextBatch(rng);
        batches.nextNoise(rng);
        DiscriminatorStep dStep = discriminatorStep(x, z);
        if (average != null) {
            average.update();
        }
        return new JointLosses(g, eT0, dStep);
    }

    /**
     * Runs the three phases of the reference, {@code iterations} iterations each, drawing batches and noise from
     * {@code batches} with {@code rng}.
     *
     * @param batches source of real batches (its batch size must be the configured one)
     * @param rng seeded random source for batches and noise
     * @param iterations iterations per phase (reference default 50,000)
     * @param listener called after every iteration (e.g. to log or to stop early by throwing)
     * @throws TrainingDivergedException when a loss or gradient norm is NaN or infinite, naming phase and iteration
     * @see TrainingRun for held-out validation
     */
    public void train(BatchSource batches, RandomGenerator rng, int iterations,
            Consumer<TrainingProgress> listener) {
        new TrainingRun(this, batches, rng).run(iterations, listener);
    }

    // ---------------------------------------------------------------- validation

    /**
     * Losses on one held-out batch, forward only: no weight, gradient or optimiser state changes (only the
     * activations stored for back-propagation are overwritten, and every step recomputes them).
     *
     * @param x held-out real batch {@code [T][B][d]}
     * @param z noise batch {@code [T][B][d]}, used only when {@code adversarial}
     * @param adversarial whether to evaluate the generator and discriminator losses too
     * @return the losses of this batch ({@code batches} = 1)
     */
    public ValidationLosses evaluate(float[] x, float[] z, boolean adversarial) {
        checkBatch("x", x, rowsX);
        float[] hh = embedder.forward(x, 0, eOnX);
        float[] xTilde = recovery.forward(hh, 0, rOnH);
        float[] hs = supervisor.forward(hh, 0, sOnH);
        double eT0 = Losses.mse(x, 0, xTilde, 0, rowsX);
        double gS = Losses.mse(hh, rowsH - shifted, hs, 0, shifted);
        if (!adversarial) {
            return new ValidationLosses(eT0, gS, 1, null);
        }
        checkBatch("z", z, rowsX);
        int n = config.batch() * config.steps();
        double gamma = config.gamma();
        float[] eHat = generator.forward(z, 0, gOnZ);
        float[] hHat = supervisor.forward(eHat, 0, sOnEhat);
        float[] xHat = recovery.forward(hHat, 0, rOnHhat);
        float[] yReal = discriminator.forward(hh, 0, dOnH);
        float[] yFake = discriminator.forward(hHat, 0, dOnHhat);
        float[] yFakeE = discriminator.forward(eHat, 0, dOnEhat);
        double gU = Losses.bceWithLogits(yFake, 0, n, 1f);
        double gUe = Losses.bceWithLogits(yFakeE, 0, n, 1f);
        double[] v = Losses.moments(xHat, x, config.steps(), config.batch(), d);
        double total = gU + gamma * gUe + 100 * Math.sqrt(gS) + 100 * (v[0] + v[1]);
        double dLoss = Losses.bceWithLogits(yReal, 0, n, 1f) + Losses.bceWithLogits(yFake, 0, n, 0f)
                + gamma * Losses.bceWithLogits(yFakeE, 0, n, 0f);
        return new ValidationLosses(eT0, gS, 1,
                new AdversarialLosses(new GeneratorLosses(gU, gUe, gS, v[0], v[1], total), dLoss));
    }

    /**
     * Generates one batch of synthetic windows, {@code X̂ = R(S(G(Z)))}, in the scaled [0, 1] space.
     *
     * @param z noise batch {@code [T][B][d]}
     * @return the synthetic batch {@code [T][B][d]}, owned by the model (valid until the next call)
     */
    public float[] generate(float[] z) {
        checkBatch("z", z, rowsX);
        float[] eHat = generator.forward(z, 0, gOnZ);
        float[] hHat = supervisor.forward(eHat, 0, sOnEhat);
        return recovery.forward(hHat, 0, rOnHhat);
    }

    private static void addInto(float[] acc, float[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }
}
