package io.tickforge.timegan.quality;

import io.tickforge.timegan.nn.Activation;
import io.tickforge.timegan.nn.Adam;
import io.tickforge.timegan.nn.Dense;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.GruStack;
import io.tickforge.timegan.nn.Losses;
import io.tickforge.timegan.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The TimeGAN paper's discriminative score: how well a post-hoc classifier tells real sequences from synthetic ones.
 *
 * <p>Each run splits each set at random into {@code trainFraction} for training and the rest for testing, trains a
 * fresh classifier (a one-layer GRU of width {@code max(1, d/2)} with TF1 {@code GRUCell} initialisation, then a
 * dense layer from the last step's state to one logit) with sigmoid cross-entropy ({@code mean over real of BCE(1) +
 * mean over synthetic of BCE(0)}) and Adam for {@code discriminativeIterations} steps, each on a fresh random batch
 * of {@code batchSize} real and {@code batchSize} synthetic training sequences; the score is
 * {@code |accuracy - 0.5|} on the pooled test sequences, a sequence being called real when its logit is positive.
 * 0 means indistinguishable, 0.5 means perfectly separable. Lower is better.
 *
 * <p>All randomness (split, weights, batches) comes from the run's seed; with a fixed {@link Gemm} implementation
 * and thread count a run is bit-for-bit reproducible. An instance owns its {@link Gemm} and is confined to one
 * thread.
 */
public final class DiscriminativeMetric {

    /** Test sequences classified per forward pass (bounds the evaluation tape's memory). */
    private static final int EVAL_CHUNK = 512;

    private final QualityConfig config;
    private final Gemm gemm;

    /**
     * Creates the metric.
     *
     * @param config iterations, batch size, split, repeats and optimiser
     * @param gemm matrix multiply the models train with (e.g. {@link Gemm#openBlas()}); owned by this instance
     */
    public DiscriminativeMetric(QualityConfig config, Gemm gemm) {
        this.config = Objects.requireNonNull(config, "config");
        this.gemm = Objects.requireNonNull(gemm, "gemm");
    }

    /**
     * Runs the metric {@link QualityConfig#repeats()} times with seeds derived from {@code seed}.
     *
     * @param real real sequences, at least 2
     * @param synthetic synthetic sequences in the same units and shape, at least 2
     * @param seed seed of the whole repetition
     * @return mean ± std of {@code |accuracy - 0.5|}
     */
    public Score score(SequenceSet real, SequenceSet synthetic, long seed) {
        long[] seeds = Batches.runSeeds(seed, config.repeats());
        double[] runs = new double[seeds.length];
        for (int r = 0; r < seeds.length; r++) {
            runs[r] = run(real, synthetic, seeds[r]);
        }
        return Score.of(runs);
    }

    /**
     * One run: split, train a fresh classifier, test.
     *
     * @param real real sequences, at least 2
     * @param synthetic synthetic sequences in the same units and shape, at least 2
     * @param seed seed of this run
     * @return {@code |test accuracy - 0.5|}, in [0, 0.5]
     */
    public double run(SequenceSet real, SequenceSet synthetic, long seed) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        real.requireSameShape(synthetic, "synthetic");
        requireSplittable("real", real);
        requireSplittable("synthetic", synthetic);
        int steps = real.steps();
        int d = real.features();
        int h = Math.max(1, d / 2);
        SplittableRandom rng = new SplittableRandom(seed);

        int[] realOrder = Batches.permutation(real.n(), rng);
        int[] synOrder = Batches.permutation(synthetic.n(), rng);
        int realTrain = trainCount(real.n());
        int synTrain = trainCount(synthetic.n());
        int[] realPool = java.util.Arrays.copyOf(realOrder, realTrain);
        int[] synPool = java.util.Arrays.copyOf(synOrder, synTrain);

        GruStack gru = new GruStack("disc.gru", d, h, 1, GruInit.TF1_GRU_CELL, rng);
        Dense head = new Dense("disc.head", h, 1, Activation.LINEAR, rng);
        List<Param> params = new ArrayList<>(gru.params());
        params.addAll(head.params());
        Adam adam = new Adam(params, config.adam());

        int bReal = Math.min(config.batchSize(), realTrain);
        int bSyn = Math.min(config.batchSize(), synTrain);
        int batch = bReal + bSyn;
        GruStack.Tape tape = gru.newTape(batch, steps, gemm);
        Dense.Tape headTape = head.newTape(batch, gemm);
        float[] x = new float[steps * batch * d];
        float[] dLogits = new float[batch];
        float[] dStates = new float[steps * batch * h];
        int last = (steps - 1) * batch * h;
        for (int it = 0; it < config.discriminativeIterations(); it++) {
            Batches.drawToFront(realPool, bReal, rng);
            Batches.drawToFront(synPool, bSyn, rng);
            Batches.gather(real, realPool, 0, bReal, 0, steps, 0, d, x, batch, 0);
            Batches.gather(synthetic, synPool, 0, bSyn, 0, steps, 0, d, x, batch, bReal);
            for (Param p : params) {
                p.zeroGrad();
            }
            float[] states = gru.forward(x, 0, tape);
            float[] logits = head.forward(states, last, headTape);
            java.util.Arrays.fill(dLogits, 0f);
            Losses.bceWithLogitsGrad(logits, 0, bReal, 1f, 1.0, dLogits, 0);
            Losses.bceWithLogitsGrad(logits, bReal, bSyn, 0f, 1.0, dLogits, bReal);
            float[] dLast = head.backward(dLogits, 0, headTape);
            // only the last step feeds the logit: the gradient of every earlier state is zero (never written)
            System.arraycopy(dLast, 0, dStates, last, batch * h);
            gru.backward(dStates, 0, tape, false);
            adam.step();
        }

        long correct = countCorrect(gru, head, real, realOrder, realTrain, true)
                + countCorrect(gru, head, synthetic, synOrder, synTrain, false);
        long tested = (long) (real.n() - realTrain) + (synthetic.n() - synTrain);
        double accuracy = (double) correct / tested;
        return Math.abs(accuracy - 0.5);
    }

    private long countCorrect(GruStack gru, Dense head, SequenceSet set, int[] order, int from, boolean isReal) {
        int steps = set.steps();
        int d = set.features();
        int h = gru.hidden();
        long correct = 0;
        GruStack.Tape tape = null;
        for (int start = from; start < set.n(); start += EVAL_CHUNK) {
            int count = Math.min(EVAL_CHUNK, set.n() - start);
            if (tape == null || tape.batch() != count) {
                tape = gru.newTape(count, steps, gemm);
            }
            float[] x = new float[steps * count * d];
            Batches.gather(set, order, start, count, 0, steps, 0, d, x, count, 0);
            float[] states = gru.forward(x, 0, tape);
            float[] logits = new float[count];
            head.apply(states, (steps - 1) * count * h, count, logits, 0, gemm);
            for (float logit : logits) {
                if ((logit > 0) == isReal) {
                    correct++;
                }
            }
        }
        return correct;
    }

    private int trainCount(int n) {
        int train = (int) (n * config.trainFraction());
        return Math.max(1, Math.min(n - 1, train));
    }

    private static void requireSplittable(String field, SequenceSet set) {
        if (set.n() < 2) {
            throw new IllegalArgumentException(field + " must hold at least 2 sequences (one to train on, one to "
                    + "test), got n=" + set.n());
        }
    }
}
