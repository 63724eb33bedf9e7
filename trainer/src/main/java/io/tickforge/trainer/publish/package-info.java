/**
 * The model topic: accepted checkpoints are written to the compacted topic (key = model name, value = checkpoint
 * bytes, headers for version, scores, created-at and data window), and read back on start so that a restarted
 * trainer continues from its current models.
 */
package io.tickforge.trainer.publish;
