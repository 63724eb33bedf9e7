package io.tickforge.timegan.nn.internal;

import io.tickforge.timegan.nn.Gemm;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link Gemm} through OpenBLAS's {@code cblas_sgemm}, called directly through the JavaCPP binding that ND4J itself
 * loads, without ND4J's op machinery (which costs about 7 µs per call, more than the arithmetic of the engine's
 * per-step products).
 *
 * <p>Each operand is copied with one bulk copy of its whole row span (from its first to its last element, padding
 * included) into a growable off-heap buffer, and BLAS is given the caller's leading dimensions. {@code C} is copied
 * in (unless {@code beta == 0} and its rows are contiguous) and out whole, so elements between its rows keep their
 * values. Buffers only grow, so steady-state calls
 * allocate nothing. Not thread-safe: one instance per thread.
 */
public final class OpenBlasGemm implements Gemm {

    private FloatPointer pa = new FloatPointer(1L);
    private FloatPointer pb = new FloatPointer(1L);
    private FloatPointer pc = new FloatPointer(1L);

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        int cSpan = (m - 1) * ldc + n;
        pc = ensure(pc, cSpan);
        if (beta != 0f || ldc != n) {
            // old values are read (beta != 0) or must survive between the rows (padding)
            pc.position(0).put(c, cOff, cSpan);
        }
        if (k > 0) {
            int aSpan = transA ? (k - 1) * lda + m : (m - 1) * lda + k;
            int bSpan = transB ? (n - 1) * ldb + k : (k - 1) * ldb + n;
            pa = ensure(pa, aSpan);
            pb = ensure(pb, bSpan);
            pa.position(0).put(a, aOff, aSpan);
            pb.position(0).put(b, bOff, bSpan);
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, pa, Math.max(1, lda), pb,
                Math.max(1, ldb), beta, pc, ldc);
        pc.position(0).get(c, cOff, cSpan);
    }

    private static FloatPointer ensure(FloatPointer p, long size) {
        if (p.capacity() >= size) {
            return p;
        }
        p.close();
        return new FloatPointer(size);
    }
}
