/**
 * The schedule's stream-thread side: the per-model state in its changelogged store, and the processor that counts
 * bars, decides triggers, hands snapshots to the {@link io.tickforge.trainer.retrain.RetrainService} and publishes
 * what it drains. Owned by {@link io.tickforge.trainer.retrain.RetrainSchedule}; not an API.
 */
package io.tickforge.trainer.retrain.internal;
