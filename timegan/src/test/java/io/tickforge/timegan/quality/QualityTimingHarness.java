package io.tickforge.timegan.quality;

import io.tickforge.timegan.nn.Gemm;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timing harness, not a test: seconds of one full-size discriminative run (2,000 iterations) and one predictive run
 * (5,000 iterations) at the Stocks benchmark's shape (d 6, T 24, n 3,662 real and as many synthetic), median of
 * {@code runs} (default 3), for each GEMM implementation. Prints medians; plans the quality gate's budget. Run with
 * {@code OMP_NUM_THREADS=1}; arguments: number of timed runs, then optionally a comma-separated list of GEMMs among
 * {@code openblas,java}.
 */
public final class QualityTimingHarness {

    private QualityTimingHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional run count and GEMM list
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] names = args.length > 1 ? args[1].split(",") : new String[] {"openblas", "java"};
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        SequenceSet real = TestSeries.sines(3_662, 24, 6, 1);
        SequenceSet synthetic = TestSeries.sines(3_662, 24, 6, 2);
        QualityConfig paper = QualityConfig.paper().withBudget(2_000, 5_000, 1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %18s %18s   (median of %d, d 6, T 24, n 3662)%n", "gemm",
                "discriminative s", "predictive s", runs));
        for (String name : names) {
            Supplier<Gemm> gemm = switch (name) {
                case "openblas" -> Gemm::openBlas;
                case "java" -> Gemm::plainJava;
                default -> throw new IllegalArgumentException("gemm must be openblas or java, got " + name);
            };
            DiscriminativeMetric disc = new DiscriminativeMetric(paper, gemm.get());
            PredictiveMetric pred = new PredictiveMetric(paper, gemm.get());
            double[] d = new double[runs];
            double[] p = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                double score = disc.run(real, synthetic, r);
                d[r] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                double mae = pred.run(synthetic, real, r);
                p[r] = (System.nanoTime() - t0) / 1e9;
                out.append(String.format(Locale.ROOT, "  %s run %d: disc %.2f s (score %.4f), pred %.2f s (mae %.4f)%n",
                        name, r, d[r], score, p[r], mae));
            }
            out.append(String.format(Locale.ROOT, "%-10s %18.2f %18.2f%n", name, median(d), median(p)));
        }
        System.out.print(out);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
