package io.tickforge.timegan.nn;

import java.util.random.RandomGenerator;

/**
 * Weight initialisers. Every one draws from the {@link RandomGenerator} it is given (seeded by the caller, e.g. a
 * {@link java.util.SplittableRandom}); nothing here touches a global random source, so the same seed gives the same
 * weights bit for bit.
 */
public final class Init {

    private Init() {
    }

    /**
     * Glorot (Xavier) uniform: {@code U(-limit, limit)} with {@code limit = sqrt(6 / (fanIn + fanOut))}, TF's
     * {@code glorot_uniform_initializer}, filled row by row into a block of a row-major matrix.
     *
     * @param w storage
     * @param off index of the block's first element
     * @param rows block rows
     * @param cols block columns
     * @param ld leading dimension of the storage
     * @param fanIn fan-in used for the limit
     * @param fanOut fan-out used for the limit
     * @param rng random source
     */
    public static void glorotUniform(float[] w, int off, int rows, int cols, int ld, int fanIn, int fanOut,
            RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[off + i * ld + j] = (float) (rng.nextDouble() * 2.0 * limit - limit);
            }
        }
    }

    /**
     * Orthogonal initialisation of an {@code n x n} block: a Gaussian matrix orthonormalised by modified
     * Gram-Schmidt in double precision (which equals the Q of a QR decomposition whose R has a positive diagonal, so
     * Q is Haar-distributed), then scaled by {@code gain}. The block's columns are orthonormal: {@code W^T W = I}.
     *
     * @param w storage
     * @param off index of the block's first element
     * @param n block size
     * @param ld leading dimension of the storage
     * @param gain multiplier (1 for a plain orthogonal matrix)
     * @param rng random source
     */
    public static void orthogonal(float[] w, int off, int n, int ld, double gain, RandomGenerator rng) {
        double[][] cols = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < n; j++) {
            double[] v = cols[j];
            for (int q = 0; q < j; q++) {
                double[] u = cols[q];
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += u[i] * v[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * u[i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                throw new IllegalStateException("orthogonal: degenerate Gaussian draw at column " + j);
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[off + i * ld + j] = (float) (gain * cols[j][i]);
            }
        }
    }

    /**
     * Fills a block with a constant (biases: TF1's GRU gate bias is 1, everything else 0).
     *
     * @param w storage
     * @param off first index
     * @param len number of elements
     * @param value the constant
     */
    public static void constant(float[] w, int off, int len, float value) {
        java.util.Arrays.fill(w, off, off + len, value);
    }
}
