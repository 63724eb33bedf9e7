package io.tickforge.timegan.nn;

import java.util.List;
import java.util.Objects;

/**
 * Adam in TF1's formulation ({@code tf.train.AdamOptimizer}), over a fixed list of parameters:
 * <pre>
 *   t   = t + 1
 *   lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 *   m   = beta1 m + (1 - beta1) g
 *   v   = beta2 v + (1 - beta2) g^2
 *   w   = w - lr_t * m / (sqrt(v) + epsilon)
 * </pre>
 * Epsilon is the "epsilon hat" of the Adam paper's section 2 remark: it is added after the bias correction is
 * folded into {@code lr_t}, so it weighs {@code sqrt(1 - beta2^t)} times more than in the textbook form. Optional
 * extras, off by default: global gradient-norm clipping before the update and decoupled weight decay
 * {@code w -= lr * weightDecay * w}. The optimiser owns its moment arrays; the gradients are read, never cleared.
 */
public final class Adam {

    private final List<Param> params;
    private final AdamConfig config;
    private final float[][] m;
    private final float[][] v;
    private long step;
    private double learningRateScale = 1.0;

    /**
     * Creates an optimiser with zero moments.
     *
     * @param params the parameters it updates (e.g. the embedder's and the recovery's)
     * @param config settings
     */
    public Adam(List<Param> params, AdamConfig config) {
        this.params = List.copyOf(params);
        this.config = Objects.requireNonNull(config, "config");
        this.m = new float[this.params.size()][];
        this.v = new float[this.params.size()][];
        for (int i = 0; i < this.params.size(); i++) {
            m[i] = new float[this.params.get(i).size()];
            v[i] = new float[this.params.get(i).size()];
        }
    }

    /** @return updates taken so far */
    public long steps() {
        return step;
    }

    /**
     * Sets the number of updates taken so far, as when restoring an optimiser from a checkpoint together with its
     * moments ({@link #firstMoment}, {@link #secondMoment}): the bias correction of the next step depends on it.
     *
     * @param steps updates taken, &gt;= 0
     */
    public void restoreSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        this.step = steps;
    }

    /**
     * Scales the configured learning rate (and so the decoupled weight decay) of the following steps, for a
     * learning-rate schedule; 1 is the configured rate.
     *
     * @param scale multiplier, &gt;= 0 and finite
     */
    public void setLearningRateScale(double scale) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("learningRateScale must be >= 0 and finite, got " + scale);
        }
        this.learningRateScale = scale;
    }

    /** @return the multiplier of the configured learning rate in use, 1 unless a schedule set another */
    public double learningRateScale() {
        return learningRateScale;
    }

    /** @return the settings */
    public AdamConfig config() {
        return config;
    }

    /** @return the parameters this optimiser updates */
    public List<Param> params() {
        return params;
    }

    /**
     * The first-moment array of one parameter (for checkpoints).
     *
     * @param index position in {@link #params()}
     * @return the live array
     */
    public float[] firstMoment(int index) {
        return m[index];
    }

    /**
     * The second-moment array of one parameter (for checkpoints).
     *
     * @param index position in {@link #params()}
     * @return the live array
     */
    public float[] secondMoment(int index) {
        return v[index];
    }

    /**
     * Global L2 norm of all gradients, accumulated in double.
     *
     * @return the norm
     */
    public double gradientNorm() {
        double sum = 0;
        for (Param p : params) {
            for (float g : p.grad()) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /** Applies one update from the current gradients. */
    public void step() {
        step++;
        double gradScale = 1.0;
        if (config.clipNorm() > 0) {
            double norm = gradientNorm();
            if (norm > config.clipNorm()) {
                gradScale = config.clipNorm() / norm;
            }
        }
        double b1 = config.beta1();
        double b2 = config.beta2();
        double lr = config.learningRate() * learningRateScale;
        double lrT = lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step));
        float fb1 = (float) b1;
        float fb2 = (float) b2;
        float f1b1 = (float) (1 - b1);
        float f1b2 = (float) (1 - b2);
        float flr = (float) lrT;
        float feps = (float) config.epsilon();
        float fgs = (float) gradScale;
        float decay = (float) (lr * config.weightDecay());
        for (int i = 0; i < params.size(); i++) {
            float[] w = params.get(i).value();
            float[] g = params.get(i).grad();
            float[] mi = m[i];
            float[] vi = v[i];
            for (int j = 0; j < w.length; j++) {
                float gj = g[j] * fgs;
                float mj = fb1 * mi[j] + f1b1 * gj;
                float vj = fb2 * vi[j] + f1b2 * gj * gj;
                mi[j] = mj;
                vi[j] = vj;
                float wj = w[j];
                if (decay != 0f) {
                    wj -= decay * wj;
                }
                w[j] = wj - flr * mj / ((float) Math.sqrt(vj) + feps);
            }
        }
    }
}
