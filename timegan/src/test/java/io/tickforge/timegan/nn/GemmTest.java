package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {

    private static final int M = 7;
    private static final int N = 5;
    private static final int K = 6;
    private static final int PAD = 3;

    /** Reference product in double: C = alpha op(A) op(B) + beta C, with padding and offsets. */
    private static double[] reference(boolean ta, boolean tb, float alpha, float[] a, int aOff, int lda, float[] b,
            int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int p = 0; p < K; p++) {
                    double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int ci = cOff + i * ldc + j;
                out[ci] = alpha * s + (beta == 0f ? 0 : beta * c[ci]);
            }
        }
        return out;
    }

    private static void checkAgainstReference(Gemm gemm) {
        SplittableRandom rng = new SplittableRandom(61);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (float beta : new float[] {0f, 1f, 0.5f}) {
                    int aRows = ta ? K : M;
                    int aCols = ta ? M : K;
                    int bRows = tb ? N : K;
                    int bCols = tb ? K : N;
                    int lda = aCols + PAD;
                    int ldb = bCols + PAD;
                    int ldc = N + PAD;
                    float[] a = GradCheck.uniform(2 + aRows * lda, -1, 1, rng);
                    float[] b = GradCheck.uniform(1 + bRows * ldb, -1, 1, rng);
                    float[] c = GradCheck.uniform(4 + M * ldc, -1, 1, rng);
                    if (beta == 0f) {
                        Arrays.fill(c, 4, c.length, Float.NaN);
                    }
                    double[] expected = reference(ta, tb, 0.75f, a, 2, lda, b, 1, ldb, beta, c, 4, ldc);
                    gemm.gemm(ta, tb, M, N, K, 0.75f, a, 2, lda, b, 1, ldb, beta, c, 4, ldc);
                    for (int i = 0; i < M; i++) {
                        for (int j = 0; j < N; j++) {
                            int ci = 4 + i * ldc + j;
                            assertThat((double) c[ci]).as("ta=%s tb=%s beta=%s C[%d][%d]", ta, tb, beta, i, j)
                                    .isCloseTo(expected[ci], within(1e-5));
                        }
                    }
                    // padding columns and the prefix stay untouched
                    for (int i = 0; i < M; i++) {
                        for (int j = N; j < ldc && 4 + i * ldc + j < c.length; j++) {
                            int ci = 4 + i * ldc + j;
                            assertThat(Double.compare(c[ci], expected[ci])).as("pad C[%d][%d]", i, j).isZero();
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldMatchDoublePrecisionReferenceWhenUsingPlainJava() {
        checkAgainstReference(Gemm.plainJava());
    }

    @Test
    void shouldMatchDoublePrecisionReferenceWhenUsingNd4j() {
        checkAgainstReference(Gemm.nd4j());
    }

    @Test
    void shouldMatchDoublePrecisionReferenceWhenUsingOpenBlas() {
        checkAgainstReference(Gemm.openBlas());
    }

    @Test
    void shouldAgreeWhenAllImplementationsComputeAWeightGradientShape() {
        SplittableRandom rng = new SplittableRandom(62);
        int rows = 384;
        float[] x = GradCheck.uniform(rows * 24, -1, 1, rng);
        float[] d = GradCheck.uniform(rows * 72, -1, 1, rng);
        float[] c1 = new float[24 * 72];
        float[] c2 = new float[24 * 72];
        float[] c3 = new float[24 * 72];
        Gemm.plainJava().gemm(true, false, 24, 72, rows, 1f, x, 0, 24, d, 0, 72, 0f, c1, 0, 72);
        Gemm.nd4j().gemm(true, false, 24, 72, rows, 1f, x, 0, 24, d, 0, 72, 0f, c2, 0, 72);
        Gemm.openBlas().gemm(true, false, 24, 72, rows, 1f, x, 0, 24, d, 0, 72, 0f, c3, 0, 72);
        for (int i = 0; i < c1.length; i++) {
            assertThat(c2[i]).isCloseTo(c1[i], within(1e-4f));
            assertThat(c3[i]).isCloseTo(c1[i], within(1e-4f));
        }
    }
}
