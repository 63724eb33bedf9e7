/**
 * The numerical core of tickforge's TimeGAN: recurrent stacks ({@link io.tickforge.timegan.nn.GruStack} and
 * {@link io.tickforge.timegan.nn.LstmStack} behind {@link io.tickforge.timegan.nn.RecurrentStack}), dense heads, losses, Adam, initialisers and a weight average ({@link io.tickforge.timegan.nn.WeightAverage}), with forward
 * and backward passes written out by hand (SameDiff's GRU has wrong gradients and its per-op overhead is about 50
 * times too slow for nets this small).
 *
 * <p><b>Data layout.</b> Everything is {@code float32} in flat row-major {@code float[]} arrays. Sequence batches
 * are <em>time-major</em>, {@code [T][B][features]}: element {@code (t, b, f)} is at {@code (t * B + b) * F + f}.
 * Why: the whole batch is then one {@code [T*B, F]} matrix, so a layer's input projection over all steps and its
 * weight gradients over all steps are single large contiguous GEMMs; the rows of step {@code t} are a contiguous
 * {@code [B, F]} block, so the sequential recurrent product {@code h_{t-1} U} reads and writes contiguous memory;
 * and the supervised loss's one-step shift {@code H[:, 1:]} vs {@code Ĥs[:, :-1]} is an offset of {@code B * F}
 * into contiguous blocks. Data arriving as {@code [B][T][F]} windows is transposed once per batch.
 *
 * <p><b>Ownership.</b> A layer owns its {@link io.tickforge.timegan.nn.Param}s (values and gradients). Each
 * application of a layer to a batch shape owns a {@code Tape} (activations for back-propagation and scratch,
 * preallocated; no allocation per step or per call), and each tape owns the {@link io.tickforge.timegan.nn.Gemm}
 * it multiplies with; a tape is confined to one thread. Backward passes add into the gradients, so a net applied
 * several times in one loss (the supervisor, the recovery, the discriminator) accumulates every application.
 *
 * <p><b>GEMM.</b> All matrix products go through {@link io.tickforge.timegan.nn.Gemm}. Measured on the engine's
 * shapes (see {@code GemmTimingHarness} in the tests), direct OpenBLAS ({@code Gemm.openBlas()}) is the fastest on
 * every shape, copies to and from off-heap memory included, ahead of ND4J's {@code Nd4j.gemm} (about 7 µs more per
 * call) and plain Java (3 to 10 times slower); plain Java stays as the exact reference for tests.
 *
 * <p><b>Determinism.</b> No global random source: initialisers take a seeded
 * {@link java.util.random.RandomGenerator}. Everything runs on the calling thread in a fixed order, and OpenBLAS is
 * deterministic at a fixed thread count (run with {@code OMP_NUM_THREADS=1}), so the same seed and data give
 * bit-identical weights, losses and gradients. The plain-Java GEMM additionally makes a product over many rows equal,
 * bit for bit, the same rows taken in blocks, so stepping a stream equals the whole-sequence forward exactly.
 */
package io.tickforge.timegan.nn;
