package io.tickforge.timegan.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timing harness, not a test: compares the plain-Java {@link Gemm}, the ND4J one (copying in and out), a bare ND4J
 * call on arrays that already live off-heap, and direct {@code cblas_sgemm} (copying in and out), on the engine's GEMM shapes (batch 128, 24 steps, hidden 24,
 * so 3072 rows). Prints the median over rounds of the time per call.
 *
 * <p>Run with one OpenMP thread (measured faster than two on these shapes):
 * <pre>
 * OMP_NUM_THREADS=1 java -cp timegan/target/classes:timegan/target/test-classes:$(cat cp.txt) \
 *     io.tickforge.timegan.nn.GemmTimingHarness
 * </pre>
 */
public final class GemmTimingHarness {

    private static final int ROUNDS = 21;

    private GemmTimingHarness() {
    }

    private record Shape(String label, boolean ta, boolean tb, int m, int n, int k) {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Shape[] shapes = {
            new Shape("input projection  [3072x24]x[24x72]", false, false, 3072, 72, 24),
            new Shape("recurrent step    [128x24]x[24x72]", false, false, 128, 72, 24),
            new Shape("recurrent r,z     [128x24]x[24x48]", false, false, 128, 48, 24),
            new Shape("weight grad dW    [3072x24]^T x [3072x72]", true, false, 24, 72, 3072),
            new Shape("weight grad       [3072x72]^T x [3072x24]", true, false, 72, 24, 3072),
            new Shape("input grad dX     [3072x72] x [24x72]^T", false, true, 3072, 24, 72),
            new Shape("step back dh      [128x48] x [24x48]^T", false, true, 128, 24, 48),
        };
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-42s %12s %12s %12s %12s %10s%n", "shape", "java ms",
                "nd4j+copy ms", "nd4j bare ms", "cblas+copy ms", "GFLOP/s java"));
        for (Shape s : shapes) {
            int aRows = s.ta ? s.k : s.m;
            int aCols = s.ta ? s.m : s.k;
            int bRows = s.tb ? s.n : s.k;
            int bCols = s.tb ? s.k : s.n;
            float[] a = GradCheck.uniform(aRows * aCols, -1, 1, rng);
            float[] b = GradCheck.uniform(bRows * bCols, -1, 1, rng);
            float[] c = new float[s.m * s.n];
            Gemm java = Gemm.plainJava();
            Gemm nd4j = Gemm.nd4j();
            double tJava = median(() -> java.gemm(s.ta, s.tb, s.m, s.n, s.k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0,
                    s.n));
            double tNd4j = median(() -> nd4j.gemm(s.ta, s.tb, s.m, s.n, s.k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0,
                    s.n));
            INDArray ia = Nd4j.create(a, new long[] {aRows, aCols}, 'c');
            INDArray ib = Nd4j.create(b, new long[] {bRows, bCols}, 'c');
            INDArray ic = Nd4j.create(DataType.FLOAT, new long[] {s.m, s.n}, 'c');
            double tBare = median(() -> Nd4j.gemm(ia, ib, ic, s.ta, s.tb, 1.0, 0.0));
            Gemm blas = Gemm.openBlas();
            double tBlas = median(() -> blas.gemm(s.ta, s.tb, s.m, s.n, s.k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0,
                    s.n));
            double gflops = 2.0 * s.m * s.n * s.k / (tJava * 1e-3) / 1e9;
            out.append(String.format(Locale.ROOT, "%-42s %12.4f %12.4f %12.4f %12.4f %10.2f%n", s.label, tJava, tNd4j,
                    tBare, tBlas, gflops));
        }
        System.out.print(out);
    }

    /** Median over rounds of milliseconds per call; each round runs for about 20 ms after a warm-up. */
    private static double median(Runnable r) {
        long warmEnd = System.nanoTime() + 300_000_000L;
        int reps = 0;
        while (System.nanoTime() < warmEnd) {
            r.run();
            reps++;
        }
        int perRound = Math.max(1, reps / 15);
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            for (int j = 0; j < perRound; j++) {
                r.run();
            }
            ms[i] = (System.nanoTime() - t0) / 1e6 / perRound;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }
}
