package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GradCheck;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.nn.RecurrentNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timing harness, not a test: milliseconds per phase-1 step, phase-2 step and joint iteration (2 G + 2 E + 1 D
 * step) at the reference configuration (d 6, B 128, T 24, h 24, L 3), for each recurrent cell and GEMM
 * implementation. Prints medians. Run with {@code OMP_NUM_THREADS=1}; arguments: number of timed iterations (default
 * 30), then optionally a comma-separated list of GEMMs among {@code openblas,nd4j,java} (default all), then
 * optionally a comma-separated list of cells among {@code gru,lstm} (default both).
 */
public final class TrainingTimingHarness {

    private TrainingTimingHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional iteration count
     */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-5s %-10s %14s %14s %14s%n", "cell", "gemm", "phase1 ms", "phase2 ms",
                "joint ms"));
        String[] names = args.length > 1 ? args[1].split(",") : new String[] {"openblas", "nd4j", "java"};
        String[] cells = args.length > 2 ? args[2].split(",") : new String[] {"gru", "lstm"};
        for (String cellName : cells) {
            RecurrentCell cell = switch (cellName) {
                case "gru" -> RecurrentCell.GRU;
                case "lstm" -> RecurrentCell.LSTM;
                default -> throw new IllegalArgumentException("cell must be gru or lstm, got " + cellName);
            };
            TimeGanConfig config = TimeGanConfig.reference(6).withCell(cell);
            time(config, names, iterations, out);
        }
        System.out.print(out);
    }

    private static void time(TimeGanConfig config, String[] names, int iterations, StringBuilder out) {
        for (String name : names) {
            Supplier<Gemm> gemm = switch (name) {
                case "openblas" -> Gemm::openBlas;
                case "nd4j" -> Gemm::nd4j;
                case "java" -> Gemm::plainJava;
                default -> throw new IllegalArgumentException("gemm must be openblas, nd4j or java, got " + name);
            };
            TimeGan gan = new TimeGan(config, new SplittableRandom(1), gemm.get());
            SplittableRandom rng = new SplittableRandom(2);
            BatchSource source = new BatchSource(GradCheck.uniform(3661 * 24 * 6, 0, 1, rng), 24, 6, 128);
            double p1 = median(iterations, () -> {
                source.nextBatch(rng);
                gan.autoencoderStep(source.xBuffer());
            });
            double p2 = median(iterations, () -> {
                source.nextBatch(rng);
                gan.supervisedStep(source.xBuffer());
            });
            double joint = median(iterations, () -> gan.jointIteration(source, rng));
            out.append(String.format(Locale.ROOT, "%-5s %-10s %14.2f %14.2f %14.2f   same seed bit-identical: %s%n",
                    config.cell().label(), name, p1, p2, joint, sameSeedIdentical(config, gemm)));
        }
    }

    /** Two runs from the same seeds (2 phase-1, 2 phase-2, 3 joint iterations) end with bit-identical weights. */
    private static boolean sameSeedIdentical(TimeGanConfig config, Supplier<Gemm> gemm) {
        float[][] first = null;
        for (int run = 0; run < 2; run++) {
            TimeGan gan = new TimeGan(config, new SplittableRandom(7), gemm.get());
            SplittableRandom rng = new SplittableRandom(8);
            BatchSource source = new BatchSource(GradCheck.uniform(500 * 24 * 6, 0, 1, rng), 24, 6, 128);
            for (int i = 0; i < 2; i++) {
                source.nextBatch(rng);
                gan.autoencoderStep(source.xBuffer());
                source.nextBatch(rng);
                gan.supervisedStep(source.xBuffer());
            }
            for (int i = 0; i < 3; i++) {
                gan.jointIteration(source, rng);
            }
            List<float[]> weights = new ArrayList<>();
            for (RecurrentNet net : List.of(gan.embedder(), gan.recovery(), gan.generator(), gan.supervisor(),
                    gan.discriminator())) {
                net.params().forEach(p -> weights.add(p.value().clone()));
            }
            float[][] now = weights.toArray(float[][]::new);
            if (first == null) {
                first = now;
            } else {
                return Arrays.deepEquals(first, now);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static double median(int iterations, Runnable r) {
        for (int i = 0; i < Math.max(5, iterations / 3); i++) {
            r.run();
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[iterations / 2];
    }
}
