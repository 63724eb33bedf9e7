package io.tickforge.trainer.retrain;

import java.util.List;

/**
 * Trains models off the stream threads. The topology's schedule calls {@link #submit} and {@link #drain} from a
 * stream thread, so neither may block; training, gating and checkpoint encoding happen on the service's own bounded
 * pool. Tests replace it with a synchronous fake.
 */
public interface RetrainService extends AutoCloseable {

    /**
     * Starts a training unless one for the same model is already running or the pool is full.
     *
     * @param request the bars to train on
     * @return true when the training was started; false when it was not (the caller keeps its trigger pending and
     *     asks again later)
     */
    boolean submit(TrainingRequest request);

    /**
     * @param modelName a model
     * @return whether a training for it is running or queued
     */
    boolean isRunning(String modelName);

    /** @return the outcomes finished since the last call, oldest first; never null */
    List<TrainingOutcome> drain();

    /** Cancels running trainings and stops the pool; waits briefly. */
    @Override
    void close();
}
