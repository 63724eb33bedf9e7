/**
 * How good synthetic sequences are, measured against the real ones they imitate: the TimeGAN paper's benchmark
 * scores and cheap model-free statistics. No Kafka; the trainer's quality gate and the benchmarks call it.
 *
 * <p><b>Scores.</b> {@link io.tickforge.timegan.quality.DiscriminativeMetric} (can a post-hoc GRU classifier tell
 * real from synthetic? {@code |accuracy - 0.5|}) and {@link io.tickforge.timegan.quality.PredictiveMetric} (train a
 * post-hoc GRU predictor on synthetic data, test it on real data: MAE; its floor trains on real data) follow the
 * paper's protocol ({@link io.tickforge.timegan.quality.QualityConfig#paper()}), and are repeated with derived seeds
 * into a {@link io.tickforge.timegan.quality.Score} (mean ± std). The post-hoc models are built from the engine's own
 * pieces ({@link io.tickforge.timegan.nn}), not from DL4J layers: the same GRU cell and Adam as the reference, and
 * fast enough for a quality gate. {@link io.tickforge.timegan.quality.DistributionStats} adds per-feature marginal
 * Wasserstein distances, autocorrelation of first differences and feature-correlation distance.
 *
 * <p><b>Units and layout.</b> Inputs are {@link io.tickforge.timegan.quality.SequenceSet}s, flat
 * {@code [n][steps][features]} arrays in the model's scaled units (the predictive score's sigmoid head assumes the
 * [0, 1] range of the scaler). Distances are in those scaled units.
 *
 * <p><b>Determinism.</b> Every random choice (splits, initial weights, batches) comes from the seed passed in; with
 * a fixed {@link io.tickforge.timegan.nn.Gemm} implementation and {@code OMP_NUM_THREADS=1} results are
 * bit-identical from run to run. Metric objects own their {@code Gemm} and are confined to one thread.
 */
package io.tickforge.timegan.quality;
