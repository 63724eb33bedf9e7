package io.tickforge.timegan.nn.internal;

/**
 * Small element-wise kernels shared by the layers: activations, bias rows, column sums. All loops run over
 * contiguous ranges in plain float arithmetic (no calls, no fused multiply-add), so HotSpot vectorises them and the
 * results are the same whether a loop runs vectorised or not: they depend only on the inputs.
 */
public final class Kernels {

    private Kernels() {
    }

    /** Beyond this |x|, tanh(x) rounds to +-1 in float (to within 1 ulp); the rational form is fitted up to it. */
    private static final float TANH_CLAMP = 9f;
    private static final float INV_CLAMP_SQ = 1f / (TANH_CLAMP * TANH_CLAMP);

    /**
     * Hyperbolic tangent as an odd rational function, {@code x P(u) / Q(u)} with {@code u = x^2 / 81} and x clamped to
     * [-9, 9]; P has degree 6 and Q degree 3. The coefficients were fitted for this engine (iteratively reweighted
     * least squares on the relative error over (0, 9], 6.6e-9 in exact arithmetic). Evaluated in float the error is
     * below 3e-7 absolute and relative (at most 5 ulp, near +-1) against {@code (float) Math.tanh(x)}. Only
     * multiplications, additions, one division and min/max: HotSpot vectorises loops of it, about 15 times faster
     * than a loop of {@link Math#exp} calls. NaN propagates.
     *
     * @param v argument
     * @return {@code tanh(v)}
     */
    public static float tanh(float v) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v));
        float u = x * x * INV_CLAMP_SQ;
        float p = -0.023974699225098574f;
        p = p * u + 0.184031673398713f;
        p = p * u - 0.8706336831836512f;
        p = p * u + 5.927872409252265f;
        p = p * u + 20.365077358958107f;
        p = p * u + 10.59805052912005f;
        p = p * u + 0.9999999933871249f;
        float q = 135.31282975629495f;
        q = q * u + 160.7129493981072f;
        q = q * u + 37.598045482315335f;
        q = q * u + 1f;
        return x * p / q;
    }

    /**
     * Logistic sigmoid as {@code 0.5 + 0.5 tanh(x / 2)} with the rational {@link #tanh(float)}: absolute error below
     * 2e-7, exactly 0 and 1 beyond |x| = 18, vectorisable.
     *
     * @param x argument
     * @return {@code 1 / (1 + exp(-x))}
     */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /**
     * Applies {@link #sigmoid(float)} in place to a contiguous range (a loop HotSpot vectorises).
     *
     * @param y storage
     * @param from first index
     * @param to end index, exclusive
     */
    public static void sigmoidInPlace(float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = sigmoid(y[i]);
        }
    }

    /**
     * Applies {@link #tanh(float)} in place to a contiguous range (a loop HotSpot vectorises).
     *
     * @param y storage
     * @param from first index
     * @param to end index, exclusive
     */
    public static void tanhInPlace(float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = tanh(y[i]);
        }
    }

    /**
     * Writes a bias row into each of {@code rows} contiguous rows of width {@code cols}, so that a following GEMM
     * with {@code beta = 1} produces {@code x W + b} (one intrinsic copy per row instead of an add loop).
     *
     * @param y storage
     * @param off first index
     * @param rows number of rows
     * @param cols row width
     * @param bias bias of length cols
     */
    public static void fillRows(float[] y, int off, int rows, int cols, float[] bias) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(bias, 0, y, off + i * cols, cols);
        }
    }

    /**
     * Adds the column sums of a row-major block to {@code out}.
     *
     * @param x storage
     * @param off first index
     * @param rows number of rows
     * @param cols columns summed
     * @param ld leading dimension
     * @param out accumulator of length at least {@code outOff + cols}
     * @param outOff first index in out
     */
    public static void addColumnSums(float[] x, int off, int rows, int cols, int ld, float[] out, int outOff) {
        for (int i = 0; i < rows; i++) {
            int base = off + i * ld;
            for (int j = 0; j < cols; j++) {
                out[outOff + j] += x[base + j];
            }
        }
    }
}
