/**
 * When and how models are (re)trained. The schedule (first training at {@code window.minBars}, then every
 * {@code schedule.retrainInterval} or {@code schedule.retrainEveryBars}, whichever first) runs on the stream
 * threads and only takes snapshots; {@link io.tickforge.trainer.retrain.RetrainService} trains them on its own
 * bounded pool, at most one training per model, each with a deadline. A retrain warm-starts from the current
 * model's weights with fewer iterations.
 */
package io.tickforge.trainer.retrain;
