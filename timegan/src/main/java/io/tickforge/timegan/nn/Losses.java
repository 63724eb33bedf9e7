package io.tickforge.timegan.nn;

/**
 * TimeGAN's losses and their gradients, as in the reference TF1 code. Values are accumulated in double. Each loss
 * has a value function and a gradient function; the gradient function <em>adds</em> {@code scale * dLoss/dInput}
 * into a caller-owned array, so weighted sums of losses ({@code G = G_U + G_Ue + 100 sqrt(G_S) + ...}) are built by
 * calling several gradient functions into one buffer, with the chain-rule factor of an outer function (such as
 * {@code d sqrt(L) = dL / (2 sqrt(L))}) folded into {@code scale}.
 *
 * <p>Sequence tensors are time-major {@code [T][B][features]}.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Sigmoid cross-entropy with logits and a constant label, averaged over all {@code n} entries (TF1's
     * {@code tf.losses.sigmoid_cross_entropy} with a ones/zeros label): mean of
     * {@code max(x, 0) - x y + log(1 + exp(-|x|))}.
     *
     * @param logits logits
     * @param off first index
     * @param n number of entries (batch times steps)
     * @param label 0 or 1 (any value in [0, 1] is accepted)
     * @return the mean loss
     */
    public static double bceWithLogits(float[] logits, int off, int n, float label) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = logits[off + i];
            sum += Math.max(x, 0) - x * label + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return sum / n;
    }

    /**
     * Adds {@code scale * d bceWithLogits / d logits}, that is {@code scale * (sigmoid(x) - label) / n}.
     *
     * @param logits logits
     * @param off first index
     * @param n number of entries
     * @param label the label
     * @param scale weight of this loss in the total
     * @param grad accumulator
     * @param gOff index in grad of the first entry
     */
    public static void bceWithLogitsGrad(float[] logits, int off, int n, float label, double scale, float[] grad,
            int gOff) {
        double k = scale / n;
        for (int i = 0; i < n; i++) {
            double s = 1.0 / (1.0 + Math.exp(-logits[off + i]));
            grad[gOff + i] += (float) (k * (s - label));
        }
    }

    /**
     * Mean squared error {@code mean((a - b)^2)} over {@code n} entries.
     *
     * @param a first operand
     * @param aOff its first index
     * @param b second operand
     * @param bOff its first index
     * @param n number of entries
     * @return the mean
     */
    public static double mse(float[] a, int aOff, float[] b, int bOff, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) a[aOff + i] - b[bOff + i];
            sum += d * d;
        }
        return sum / n;
    }

    /**
     * Adds {@code scale * d mse / d a} into {@code ga} and {@code scale * d mse / d b} into {@code gb}; either
     * accumulator may be null when that operand needs no gradient.
     *
     * @param a first operand
     * @param aOff its first index
     * @param b second operand
     * @param bOff its first index
     * @param n number of entries
     * @param scale weight
     * @param ga accumulator for a, or null
     * @param gaOff its first index
     * @param gb accumulator for b, or null
     * @param gbOff its first index
     */
    public static void mseGrad(float[] a, int aOff, float[] b, int bOff, int n, double scale, float[] ga, int gaOff,
            float[] gb, int gbOff) {
        double k = 2.0 * scale / n;
        for (int i = 0; i < n; i++) {
            float g = (float) (k * ((double) a[aOff + i] - b[bOff + i]));
            if (ga != null) {
                ga[gaOff + i] += g;
            }
            if (gb != null) {
                gb[gbOff + i] -= g;
            }
        }
    }

    /**
     * The two moment losses of the generator, with moments over the batch axis per (step, feature) and population
     * variance ({@code tf.nn.moments}):
     * {@code V1 = mean |sqrt(var(xHat) + 1e-6) - sqrt(var(x) + 1e-6)|},
     * {@code V2 = mean |mean(xHat) - mean(x)|}, both averaged over the {@code T * d} (step, feature) cells.
     *
     * @param xHat synthetic batch {@code [T][B][d]}
     * @param x real batch {@code [T][B][d]}
     * @param steps T
     * @param batch B (both batches have the same size, as in the reference)
     * @param features d
     * @return {@code {V1, V2}}
     */
    public static double[] moments(float[] xHat, float[] x, int steps, int batch, int features) {
        double v1 = 0;
        double v2 = 0;
        for (int t = 0; t < steps; t++) {
            int base = t * batch * features;
            for (int f = 0; f < features; f++) {
                double mh = mean(xHat, base + f, batch, features);
                double mx = mean(x, base + f, batch, features);
                double sh = Math.sqrt(variance(xHat, base + f, batch, features, mh) + 1e-6);
                double sx = Math.sqrt(variance(x, base + f, batch, features, mx) + 1e-6);
                v1 += Math.abs(sh - sx);
                v2 += Math.abs(mh - mx);
            }
        }
        int cells = steps * features;
        return new double[] {v1 / cells, v2 / cells};
    }

    /**
     * Adds {@code scaleV1 * dV1/dxHat + scaleV2 * dV2/dxHat} into {@code grad} (the real batch gets no gradient).
     * The derivative of {@code |u|} at 0 is taken as 0, as TF does.
     *
     * @param xHat synthetic batch {@code [T][B][d]}
     * @param x real batch {@code [T][B][d]}
     * @param steps T
     * @param batch B
     * @param features d
     * @param scaleV1 weight of V1
     * @param scaleV2 weight of V2
     * @param grad accumulator shaped like xHat
     */
    public static void momentsGrad(float[] xHat, float[] x, int steps, int batch, int features, double scaleV1,
            double scaleV2, float[] grad) {
        int cells = steps * features;
        for (int t = 0; t < steps; t++) {
            int base = t * batch * features;
            for (int f = 0; f < features; f++) {
                double mh = mean(xHat, base + f, batch, features);
                double mx = mean(x, base + f, batch, features);
                double sh = Math.sqrt(variance(xHat, base + f, batch, features, mh) + 1e-6);
                double sx = Math.sqrt(variance(x, base + f, batch, features, mx) + 1e-6);
                // dV1/dxHat_b = sign(sh - sx)/cells * (1 / (2 sh)) * 2 (xHat_b - mean) / B
                double k1 = scaleV1 * Math.signum(sh - sx) / cells / (sh * batch);
                double k2 = scaleV2 * Math.signum(mh - mx) / cells / batch;
                for (int b = 0; b < batch; b++) {
                    int i = base + b * features + f;
                    grad[i] += (float) (k1 * (xHat[i] - mh) + k2);
                }
            }
        }
    }

    private static double mean(float[] v, int first, int batch, int stride) {
        double mean = 0;
        for (int b = 0; b < batch; b++) {
            mean += v[first + b * stride];
        }
        return mean / batch;
    }

    /** Population variance, as {@code tf.nn.moments}. */
    private static double variance(float[] v, int first, int batch, int stride, double mean) {
        double var = 0;
        for (int b = 0; b < batch; b++) {
            double d = v[first + b * stride] - mean;
            var += d * d;
        }
        return var / batch;
    }
}
