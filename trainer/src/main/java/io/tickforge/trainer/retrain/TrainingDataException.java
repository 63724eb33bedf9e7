package io.tickforge.trainer.retrain;

/**
 * A request's bars cannot make a training set: too few for one batch of training windows and the gate's held-out
 * windows, or not a series the feature transform accepts. Reported as
 * {@link TrainingOutcome.Reason#DATA}; the message names the model, the counts and what was needed.
 */
public final class TrainingDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the counts */
    public TrainingDataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public TrainingDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
