package io.tickforge.bench.timegan;

import io.tickforge.timegan.nn.Gemm;
import java.util.function.Supplier;

/** The GEMM implementations the benchmarks compare: OpenBLAS (the engine's choice) against the plain-Java baseline. */
public enum Engine {
    /** {@link Gemm#openBlas()}. */
    OPENBLAS(Gemm::openBlas),
    /** {@link Gemm#plainJava()}, the baseline. */
    JAVA(Gemm::plainJava);

    private final Supplier<Gemm> factory;

    Engine(Supplier<Gemm> factory) {
        this.factory = factory;
    }

    /** @return a new GEMM of this kind, for one thread */
    public Gemm newGemm() {
        return factory.get();
    }

    /**
     * Fails fast when OpenMP may use more than one thread: the figures are per core, and more threads were measured
     * slower on the engine's small shapes.
     */
    static void requireSingleThread() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (!"1".equals(omp)) {
            throw new IllegalStateException("OMP_NUM_THREADS must be 1 for per-core figures, got " + omp
                    + "; run as OMP_NUM_THREADS=1 java -jar bench/target/tickforge-bench.jar ...");
        }
    }
}
