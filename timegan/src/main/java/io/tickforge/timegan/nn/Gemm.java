package io.tickforge.timegan.nn;

import io.tickforge.timegan.nn.internal.JavaGemm;
import io.tickforge.timegan.nn.internal.Nd4jGemm;
import io.tickforge.timegan.nn.internal.OpenBlasGemm;

/**
 * The one matrix-multiply seam of the engine: {@code C = alpha * op(A) * op(B) + beta * C} on row-major float arrays,
 * BLAS style, where {@code op(X)} is {@code X} or its transpose.
 *
 * <p>{@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n} and {@code C} is {@code m x n}. Each matrix is
 * addressed by an array, an offset of its first element and a leading dimension (the distance between the starts of
 * two consecutive stored rows, at least the stored column count). A stored {@code A} is {@code m x k} when not
 * transposed and {@code k x m} when transposed; likewise {@code B}. When {@code beta == 0} the old content of
 * {@code C} is ignored (NaN in {@code C} does not propagate), as in BLAS.
 *
 * <p>Implementations are not required to be thread-safe: each training loop owns its instance. For a given
 * implementation and thread count the result is bit-identical from run to run.
 */
public interface Gemm {

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C}.
     *
     * @param transA whether {@code op(A)} is {@code A} transposed
     * @param transB whether {@code op(B)} is {@code B} transposed
     * @param m rows of {@code op(A)} and of {@code C}
     * @param n columns of {@code op(B)} and of {@code C}
     * @param k columns of {@code op(A)}, rows of {@code op(B)}
     * @param alpha scale of the product
     * @param a storage of {@code A}
     * @param aOff index of {@code A[0][0]}
     * @param lda leading dimension of the stored {@code A}
     * @param b storage of {@code B}
     * @param bOff index of {@code B[0][0]}
     * @param ldb leading dimension of the stored {@code B}
     * @param beta scale of the old {@code C}; 0 means overwrite
     * @param c storage of {@code C}
     * @param cOff index of {@code C[0][0]}
     * @param ldc leading dimension of {@code C}
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

    /**
     * Plain Java, single thread, loop orders chosen so that the innermost loop runs over contiguous memory and
     * vectorises. Pure Java and exactly reproducible (a product over many rows equals, bit for bit, the same rows
     * computed block by block), which makes it the reference for tests and streaming equivalence; it is 3 to 10 times
     * slower than {@link #nd4j()} on the engine's shapes (see {@code GemmTimingHarness} in the tests).
     *
     * @return a new plain-Java implementation
     */
    static Gemm plainJava() {
        return new JavaGemm();
    }

    /**
     * ND4J's gemm ({@code Nd4j.gemm}, OpenBLAS underneath) on preallocated off-heap arrays; operands are copied in
     * and the result copied out. Faster than plain Java on every engine shape, but its op machinery costs about
     * 7 µs per call; kept as the measured comparison for {@link #openBlas()}.
     *
     * @return a new ND4J-backed implementation; loads the ND4J backend on first use
     */
    static Gemm nd4j() {
        return new Nd4jGemm();
    }

    /**
     * OpenBLAS's {@code cblas_sgemm} called directly (the library ND4J loads), operands copied to and from
     * growable off-heap buffers in one bulk copy each. Measured fastest on every engine shape, copies included: about
     * 3.5 µs for a per-step {@code [128x24]x[24x48]} product where ND4J takes 10 µs and plain Java 35 µs. The engine's
     * choice for training. Run with {@code OMP_NUM_THREADS=1} (more threads were measured slower on these small
     * shapes); at a fixed thread count results are bit-identical run to run.
     *
     * @return a new OpenBLAS-backed implementation; loads the native library on first use
     */
    static Gemm openBlas() {
        return new OpenBlasGemm();
    }
}
