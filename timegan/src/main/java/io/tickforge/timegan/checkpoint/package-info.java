/**
 * One file holds one trained TimeGAN: {@link io.tickforge.timegan.checkpoint.Checkpoint} writes and reads it, with
 * the weights of all five nets, optionally the five Adam optimisers' moments and step counts (for warm-start
 * retraining), the min-max scaler and feature names, the full hyperparameters and seed, the training data's
 * provenance, the quality scores, the tickforge version and the feature transform. The descriptive part is a
 * {@link io.tickforge.schemas.ModelMetadata} in its JSON encoding, so the model topic and the file say the same.
 *
 * <p>The format is versioned and checksummed; loading checks the magic, the version, the length, the SHA-256 and
 * every tensor's name and shape against the configuration, and fails with a
 * {@link io.tickforge.timegan.checkpoint.CheckpointException} that says which. Writing is deterministic: the same
 * model and metadata give byte-identical files. The layout is documented on {@link
 * io.tickforge.timegan.checkpoint.Checkpoint}; a reference file in the test resources guards old files against
 * format changes.
 */
package io.tickforge.timegan.checkpoint;
