package io.tickforge.timegan.nn.internal;

import io.tickforge.timegan.nn.Gemm;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Gemm} through ND4J's native BLAS ({@link Nd4j#gemm}). ND4J arrays live off-heap, so each call copies the
 * operands from the Java arrays into preallocated {@code c}-order arrays (one per role and shape, created on first
 * use) and copies the result back. Kept as a measured alternative; the timing harness decides which one the engine
 * uses per shape.
 */
public final class Nd4jGemm implements Gemm {

    private final Map<Long, Slot> aSlots = new HashMap<>();
    private final Map<Long, Slot> bSlots = new HashMap<>();
    private final Map<Long, Slot> cSlots = new HashMap<>();

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        Slot sa = slot(aSlots, transA ? k : m, transA ? m : k);
        Slot sb = slot(bSlots, transB ? n : k, transB ? k : n);
        Slot sc = slot(cSlots, m, n);
        sa.load(a, aOff, lda);
        sb.load(b, bOff, ldb);
        if (beta != 0f) {
            sc.load(c, cOff, ldc);
        }
        Nd4j.gemm(sa.array, sb.array, sc.array, transA, transB, alpha, beta);
        sc.store(c, cOff, ldc);
    }

    private static Slot slot(Map<Long, Slot> slots, int rows, int cols) {
        return slots.computeIfAbsent(((long) rows << 32) | cols, key -> new Slot(rows, cols));
    }

    /** A preallocated off-heap matrix with a reusable NIO view for bulk copies. */
    private static final class Slot {
        final int rows;
        final int cols;
        final INDArray array;
        final FloatBuffer view;

        Slot(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            this.array = Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'c');
            this.view = array.data().asNioFloat();
        }

        void load(float[] src, int off, int ld) {
            if (ld == cols) {
                view.put(0, src, off, rows * cols);
            } else {
                for (int i = 0; i < rows; i++) {
                    view.put(i * cols, src, off + i * ld, cols);
                }
            }
        }

        void store(float[] dst, int off, int ld) {
            if (ld == cols) {
                view.get(0, dst, off, rows * cols);
            } else {
                for (int i = 0; i < rows; i++) {
                    view.get(i * cols, dst, off + i * ld, cols);
                }
            }
        }
    }
}
