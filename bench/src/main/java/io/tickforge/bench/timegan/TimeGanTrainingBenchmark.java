package io.tickforge.bench.timegan;

import io.tickforge.timegan.model.BatchSource;
import io.tickforge.timegan.model.JointLosses;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per training step of each TimeGAN phase at the reference configuration ({@link
 * TimeGanConfig#reference(int)} with d = 6: B 128, T 24, h 24, L 3): phase 1 ({@link TimeGan#autoencoderStep}),
 * phase 2 ({@link TimeGan#supervisedStep}) and one joint iteration ({@link TimeGan#jointIteration}: 2 G + 2 E + 1 D
 * step). Each is measured with OpenBLAS and, as the same-run baseline, the plain-Java GEMM; the ratio of the two
 * medians is OpenBLAS's speed-up. Every measured call includes drawing its batch (and noise) as training does.
 *
 * <p>Weights move with every step (this is training), which does not change the cost. Windows are uniform random
 * values: the cost does not depend on the data.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -jar bench/target/tickforge-bench.jar TimeGanTrainingBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TimeGanTrainingBenchmark {

    /** Features per step of the reference benchmark data (OHLCV + adjusted close). */
    static final int FEATURES = 6;
    /** Windows in the source, as many as the stock data gives (3,685 rows, T = 24). */
    static final int WINDOWS = 3661;

    /** The GEMM under test. */
    @Param({"OPENBLAS", "JAVA"})
    public Engine gemm;

    private TimeGan gan;
    private BatchSource source;
    private SplittableRandom rng;

    /** Builds the model and a source of random windows, with fixed seeds. */
    @Setup
    public void setUp() {
        Engine.requireSingleThread();
        TimeGanConfig config = TimeGanConfig.reference(FEATURES);
        gan = new TimeGan(config, new SplittableRandom(1), gemm.newGemm());
        rng = new SplittableRandom(2);
        float[] windows = new float[WINDOWS * config.steps() * FEATURES];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = rng.nextFloat();
        }
        source = new BatchSource(windows, config.steps(), FEATURES, config.batch());
    }

    /** @return E_T0 of one phase-1 step (embedder + recovery), batch drawn inside */
    @Benchmark
    public double autoencoderStep() {
        source.nextBatch(rng);
        return gan.autoencoderStep(source.xBuffer());
    }

    /** @return G_S of one phase-2 step (supervisor), batch drawn inside */
    @Benchmark
    public double supervisedStep() {
        source.nextBatch(rng);
        return gan.supervisedStep(source.xBuffer());
    }

    /** @return the losses of one joint iteration (2 G + 2 E + 1 D step, batches and noise drawn inside) */
    @Benchmark
    public JointLosses jointIteration() {
        return gan.jointIteration(source, rng);
    }
}
