package io.tickforge.timegan.nn.internal;

import io.tickforge.timegan.nn.Gemm;

/**
 * Plain-Java {@link Gemm}. Every case reduces to an {@code i-p-j} (or {@code p-i-j}) loop whose innermost loop is
 * {@code c[i][j] += s * b[p][j]} over contiguous {@code j}, which HotSpot's C2 vectorises. A transposed {@code B} is
 * first copied into a scratch buffer in its transposed form (it is always a small weight matrix in the engine); the
 * scratch grows on demand and is then reused, so steady-state calls allocate nothing.
 *
 * The {@code p} loop is unrolled by four ({@code c += s0 b0 + s1 b1 + s2 b2 + s3 b3}) to cut loads and stores of
 * {@code C}.
 *
 * <p>Each {@code c[i][j]} accumulates its products in the same order whatever {@code m} is: a product over many
 * rows at once gives bit-for-bit the rows of the same product taken row block by row block.
 */
public final class JavaGemm implements Gemm {

    private float[] scratch = new float[0];

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        scaleC(m, n, beta, c, cOff, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
            return;
        }
        float[] bb = b;
        int bbOff = bOff;
        int bbLd = ldb;
        if (transB) {
            if (scratch.length < k * n) {
                scratch = new float[k * n];
            }
            // stored B is n x k; write op(B) = B^T as k x n
            for (int j = 0; j < n; j++) {
                int src = bOff + j * ldb;
                for (int p = 0; p < k; p++) {
                    scratch[p * n + j] = b[src + p];
                }
            }
            bb = scratch;
            bbOff = 0;
            bbLd = n;
        }
        if (transA) {
            // stored A is k x m: p outer keeps four rows of A and of op(B) hot
            int p = 0;
            for (; p + 3 < k; p += 4) {
                int ap = aOff + p * lda;
                int bp = bbOff + p * bbLd;
                for (int i = 0; i < m; i++) {
                    axpy4(n, alpha * a[ap + i], alpha * a[ap + lda + i], alpha * a[ap + 2 * lda + i],
                            alpha * a[ap + 3 * lda + i], bb, bp, bbLd, c, cOff + i * ldc);
                }
            }
            for (; p < k; p++) {
                int ap = aOff + p * lda;
                int bp = bbOff + p * bbLd;
                for (int i = 0; i < m; i++) {
                    axpy(n, alpha * a[ap + i], bb, bp, c, cOff + i * ldc);
                }
            }
        } else {
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * lda;
                int ci = cOff + i * ldc;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    axpy4(n, alpha * a[ai + p], alpha * a[ai + p + 1], alpha * a[ai + p + 2], alpha * a[ai + p + 3],
                            bb, bbOff + p * bbLd, bbLd, c, ci);
                }
                for (; p < k; p++) {
                    axpy(n, alpha * a[ai + p], bb, bbOff + p * bbLd, c, ci);
                }
            }
        }
    }

    /** {@code y += s0 x[0] + s1 x[1] + s2 x[2] + s3 x[3]} over four consecutive rows of x: one load/store of y. */
    private static void axpy4(int n, float s0, float s1, float s2, float s3, float[] x, int xOff, int ldx, float[] y,
            int yOff) {
        int x1 = xOff + ldx;
        int x2 = x1 + ldx;
        int x3 = x2 + ldx;
        for (int j = 0; j < n; j++) {
            y[yOff + j] += s0 * x[xOff + j] + s1 * x[x1 + j] + s2 * x[x2 + j] + s3 * x[x3 + j];
        }
    }

    private static void axpy(int n, float s, float[] x, int xOff, float[] y, int yOff) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += s * x[xOff + j];
        }
    }

    private static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }
}
