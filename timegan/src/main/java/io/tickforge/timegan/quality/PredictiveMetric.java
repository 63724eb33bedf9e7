package io.tickforge.timegan.quality;

import io.tickforge.timegan.nn.Activation;
import io.tickforge.timegan.nn.Adam;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentNet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The TimeGAN paper's predictive score, "train on synthetic, test on real": how useful synthetic data is for
 * learning the real one-step-ahead dynamics.
 *
 * <p>Each run trains a fresh predictor, a one-layer GRU of width {@code max(1, d/2)} (TF1 {@code GRUCell}
 * initialisation) with a dense + sigmoid head at every step, that reads features {@code 0..d-2} at steps
 * {@code 0..t} and predicts the last feature {@code d-1} at step {@code t+1}, for {@code t = 0..T-2}. It trains with
 * the mean absolute error and Adam for {@code predictiveIterations} steps on fresh random batches of
 * {@code batchSize} training sequences, then reports the MAE over every test sequence and predicted step. Lower is
 * better. {@link #floor} trains on the real data itself: the score a perfect generator would get.
 *
 * <p>The sigmoid head predicts in (0, 1): the target feature is expected in the scaler's [0, 1] range, as in the
 * reference. With a single feature ({@code d = 1}) there is no other feature to read, so the predictor reads the
 * feature itself up to step {@code t} (plain one-step-ahead prediction).
 *
 * <p>All randomness (weights, batches) comes from the run's seed; with a fixed {@link Gemm} implementation and thread
 * count a run is bit-for-bit reproducible. An instance owns its {@link Gemm} and is confined to one thread.
 */
public final class PredictiveMetric {

    /** Test sequences predicted per forward pass (bounds the evaluation tape's memory). */
    private static final int EVAL_CHUNK = 512;

    private final QualityConfig config;
    private final Gemm gemm;

    /**
     * Creates the metric.
     *
     * @param config iterations, batch size, repeats and optimiser
     * @param gemm matrix multiply the models train with (e.g. {@link Gemm#openBlas()}); owned by this instance
     */
    public PredictiveMetric(QualityConfig config, Gemm gemm) {
        this.config = Objects.requireNonNull(config, "config");
        this.gemm = Objects.requireNonNull(gemm, "gemm");
    }

    /**
     * Train on synthetic, test on real, {@link QualityConfig#repeats()} times with seeds derived from {@code seed}.
     *
     * @param real real sequences (the test set)
     * @param synthetic synthetic sequences in the same units and shape (the training set)
     * @param seed seed of the whole repetition
     * @return mean ± std of the MAE on real data
     */
    public Score score(SequenceSet real, SequenceSet synthetic, long seed) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        real.requireSameShape(synthetic, "synthetic");
        return repeat(synthetic, real, seed);
    }

    /**
     * The floor: the same protocol trained on the real data and tested on it.
     *
     * @param real real sequences
     * @param seed seed of the whole repetition
     * @return mean ± std of the MAE
     */
    public Score floor(SequenceSet real, long seed) {
        Objects.requireNonNull(real, "real");
        return repeat(real, real, seed);
    }

    private Score repeat(SequenceSet train, SequenceSet test, long seed) {
        long[] seeds = Batches.runSeeds(seed, config.repeats());
        double[] runs = new double[seeds.length];
        for (int r = 0; r < seeds.length; r++) {
            runs[r] = run(train, test, seeds[r]);
        }
        return Score.of(runs);
    }

    /**
     * One run: train a fresh predictor on {@code train}, return its MAE on all of {@code test}.
     *
     * @param train training sequences (synthetic for the score, real for the floor), at least 2 steps
     * @param test test sequences, same shape
     * @param seed seed of this run
     * @return the mean absolute error of the last feature's one-step-ahead prediction
     */
    public double run(SequenceSet train, SequenceSet test, long seed) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        train.requireSameShape(test, "test");
        int steps = train.steps();
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2 to predict one step ahead, got " + steps);
        }
        int d = train.features();
        int inputs = inputWidth(d);
        int h = Math.max(1, d / 2);
        int ts = steps - 1;
        SplittableRandom rng = new SplittableRandom(seed);
        RecurrentNet net = new RecurrentNet("pred", inputs, h, 1, 1, Activation.SIGMOID, GruInit.TF1_GRU_CELL, rng);
        Adam adam = new Adam(net.params(), config.adam());

        int batch = Math.min(config.batchSize(), train.n());
        int[] pool = Batches.permutation(train.n(), rng);
        RecurrentNet.Tape tape = net.newTape(batch, ts, gemm);
        float[] x = new float[ts * batch * inputs];
        float[] y = new float[ts * batch];
        float[] dy = new float[ts * batch];
        int rows = ts * batch;
        float scale = 1f / rows;
        for (int it = 0; it < config.predictiveIterations(); it++) {
            Batches.drawToFront(pool, batch, rng);
            Batches.gather(train, pool, 0, batch, 0, ts, 0, inputs, x, batch, 0);
            Batches.gather(train, pool, 0, batch, 1, ts, d - 1, 1, y, batch, 0);
            net.zeroGrad();
            float[] pred = net.forward(x, 0, tape);
            for (int i = 0; i < rows; i++) {
                dy[i] = Math.signum(pred[i] - y[i]) * scale;
            }
            net.backward(dy, 0, tape, false);
            adam.step();
        }
        return testMae(net, test);
    }

    private double testMae(RecurrentNet net, SequenceSet test) {
        int steps = test.steps();
        int d = test.features();
        int inputs = inputWidth(d);
        int ts = steps - 1;
        int[] ids = new int[test.n()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        double sum = 0;
        RecurrentNet.Tape tape = null;
        int tapeBatch = -1;
        for (int start = 0; start < test.n(); start += EVAL_CHUNK) {
            int count = Math.min(EVAL_CHUNK, test.n() - start);
            if (tape == null || tapeBatch != count) {
                tape = net.newTape(count, ts, gemm);
                tapeBatch = count;
            }
            float[] x = new float[ts * count * inputs];
            float[] y = new float[ts * count];
            Batches.gather(test, ids, start, count, 0, ts, 0, inputs, x, count, 0);
            Batches.gather(test, ids, start, count, 1, ts, d - 1, 1, y, count, 0);
            float[] pred = net.forward(x, 0, tape);
            for (int i = 0; i < y.length; i++) {
                sum += Math.abs((double) pred[i] - y[i]);
            }
        }
        return sum / ((double) test.n() * ts);
    }

    private static int inputWidth(int features) {
        return features > 1 ? features - 1 : 1;
    }
}
