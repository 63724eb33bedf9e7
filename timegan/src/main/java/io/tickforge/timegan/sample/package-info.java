/**
 * Sampling a trained TimeGAN into original units: fixed windows as in the paper, or endless streams that carry the
 * recurrent state ({@link io.tickforge.timegan.sample.Sampler}), held as {@link io.tickforge.timegan.sample.SampleSet}
 * ({@code [sequence][step][feature]}) and written or read as the long CSV {@code sequence,step,<features>}
 * ({@link io.tickforge.timegan.sample.SampleCsv}). The same model and seed give the same values.
 */
package io.tickforge.timegan.sample;
