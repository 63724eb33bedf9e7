/**
 * The trainer's one catalogue of meters, {@link io.tickforge.trainer.metrics.TrainerMetrics}: names
 * {@code tickforge.trainer.*}, base units, bounded tags, a description on each.
 */
package io.tickforge.trainer.metrics;
