/**
 * When and how models are (re)trained. The schedule (first training at {@code window.minBars}, then every
 * {@code schedule.retrainInterval} or {@code schedule.retrainEveryBars}, whichever first) runs on the stream
 * threads and only takes snapshots; {@link io.tickforge.trainer.retrain.RetrainService} trains them on its own
 * bounded pool, at most one training per model, each with a deadline. A retrain warm-starts from the current
 * model's weights with fewer iterations.
 *
 * <p>{@link io.tickforge.trainer.retrain.WorkerPoolRetrainService} is the service: it turns a request into a
 * {@link io.tickforge.trainer.retrain.TrainingSet} (features, held-out slice, scaler, windows per symbol), trains
 * cold or warm, gates the candidate ({@code gate}) and encodes accepted checkpoints.
 * {@link io.tickforge.trainer.retrain.ModelCatalog} owns the current checkpoint of every model: filled from the
 * model topic on start, read for warm starts and gating, updated on accept.
 *
 * <p>{@link io.tickforge.trainer.retrain.RetrainSchedule} is the stream-thread side: its changelogged store keeps,
 * per model, the bars since the last training started, when it started and whether a first training was requested,
 * so a trigger that could not be submitted stays pending across checks and restarts.
 */
package io.tickforge.trainer.retrain;
