/**
 * Data preparation for TimeGAN, as the reference code does it and as its benchmark needs it: loading a numeric
 * time series ({@link io.tickforge.timegan.data.TimeSeriesTable}, CSV read oldest first as given), per-feature
 * min-max scaling ({@link io.tickforge.timegan.data.MinMaxScaler}, stored with every checkpoint so samples map back
 * to original units), sliding windows of {@code seq_len} with stride 1 in the window-major {@code [n][T][d]} layout
 * that {@link io.tickforge.timegan.model.BatchSource} takes ({@link io.tickforge.timegan.data.WindowSet}), the
 * paper's sine benchmark ({@link io.tickforge.timegan.data.SineDataset}) and seeded held-out splits.
 *
 * <p>Every random choice (shuffle, split, sine draws) takes a seed or a seeded
 * {@link java.util.random.RandomGenerator}. Values are doubles while they are raw and floats once scaled, the
 * engine's precision. Objects here are immutable or copy what they are given; arrays they return are copies unless
 * documented otherwise.
 */
package io.tickforge.timegan.data;
