package io.tickforge.bench.timegan;

import io.tickforge.timegan.model.SyntheticStream;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling throughput of a TimeGAN at the reference shapes (d 6, T 24, h 24, L 3), single thread: (a) fixed windows,
 * {@link TimeGan#generate} on {@code batch} windows of 24 steps ({@code batch x 24 x 6} values per operation), and
 * (b) endless streams, one {@link SyntheticStream#step} of {@code batch} streams ({@code batch x 6} values per
 * operation). Every operation draws its own U[0, 1) noise, as a producer must.
 *
 * <p>The primary score is operations per second; the secondary score {@code values} (a JMH auxiliary counter) is the
 * same rate already converted to values per second, the figure the target (at least 2,000,000 values/s per core) is
 * stated in. JMH prints the mean over the measurement iterations; {@code docs/benchmarks.md} quotes the median of the
 * per-iteration scores (from {@code -rf json}), which a shared machine's bursts of load do not drag down. OpenBLAS is
 * compared with the plain-Java GEMM in the same run. Weights are the seeded initial ones: the
 * cost does not depend on their values.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -jar bench/target/tickforge-bench.jar TimeGanSamplingBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimeGanSamplingBenchmark {

    private static final int FEATURES = 6;

    /** The GEMM under test. */
    @Param({"OPENBLAS", "JAVA"})
    public Engine gemm;

    /** Windows per {@code generate} call, and streams stepped together. */
    @Param({"8", "64", "128", "1024"})
    public int batch;

    private TimeGan windowModel;
    private SyntheticStream stream;
    private SplittableRandom rng;
    private float[] windowNoise;
    private float[] stepNoise;

    /** Values produced, reported by JMH as a rate: values per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Values {
        /** Values produced in this iteration. */
        public long values;

        /** Clears the count before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            values = 0;
        }
    }

    /** Builds the model (its batch is the window count) and the streams, with fixed seeds. */
    @Setup
    public void setUp() {
        Engine.requireSingleThread();
        TimeGanConfig reference = TimeGanConfig.reference(FEATURES);
        TimeGanConfig config = new TimeGanConfig(FEATURES, reference.hidden(), reference.layers(), reference.steps(),
                batch, reference.gamma(), reference.discriminatorThreshold(), reference.adam(), reference.init());
        windowModel = new TimeGan(config, new SplittableRandom(1), gemm.newGemm());
        stream = new SyntheticStream(windowModel, batch, gemm.newGemm());
        rng = new SplittableRandom(2);
        windowNoise = new float[config.steps() * batch * FEATURES];
        stepNoise = new float[batch * FEATURES];
    }

    private void fill(float[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextFloat();
        }
    }

    /**
     * Fixed windows: {@code batch} windows of 24 steps.
     *
     * @param counter values produced
     * @return the windows {@code [T][batch][d]}
     */
    @Benchmark
    public float[] windows(Values counter) {
        fill(windowNoise);
        float[] x = windowModel.generate(windowNoise);
        counter.values += x.length;
        return x;
    }

    /**
     * Endless streams: one step of {@code batch} streams.
     *
     * @param counter values produced
     * @return the next values {@code [batch][d]}
     */
    @Benchmark
    public float[] streams(Values counter) {
        fill(stepNoise);
        float[] x = stream.step(stepNoise);
        counter.values += x.length;
        return x;
    }
}
