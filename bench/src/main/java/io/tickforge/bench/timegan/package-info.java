/**
 * JMH benchmarks of the TimeGAN engine at the reference shapes (d 6, B 128, T 24, h 24, L 3): milliseconds per
 * training phase step and sampling throughput in values per second, each with the plain-Java GEMM measured in the
 * same run as the baseline for OpenBLAS. Run single-threaded ({@code OMP_NUM_THREADS=1}); figures and commands are
 * in {@code docs/benchmarks.md}.
 */
package io.tickforge.bench.timegan;
