/**
 * The model topic: accepted checkpoints are written to the compacted topic (key = model name, value = checkpoint
 * bytes, headers for version, scores, created-at and data window), and read back on start so that a restarted
 * trainer continues from its current models. {@link io.tickforge.trainer.publish.ModelHeaders} defines those headers
 * and writes and reads them.
 */
package io.tickforge.trainer.publish;
