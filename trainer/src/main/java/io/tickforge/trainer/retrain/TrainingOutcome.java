package io.tickforge.trainer.retrain;

import io.tickforge.schemas.ModelMetadata;

import java.util.Objects;

/**
 * What became of one {@link TrainingRequest}. Outcomes are collected on the stream thread
 * ({@link RetrainService#drain()}); an {@link Accepted} one is written to the model topic there.
 */
public sealed interface TrainingOutcome {

    /** @return the model the training was for */
    String modelName();

    /** @return wall-clock time from the request to the outcome, in milliseconds */
    long durationMs();

    /**
     * The candidate passed the gate: publish it.
     *
     * @param modelName  the model
     * @param durationMs request to outcome, ms
     * @param checkpoint the checkpoint file's bytes ({@code Checkpoint.toBytes()})
     * @param metadata   the checkpoint's metadata (version, scores, data window), for the record's headers
     * @param warm       whether it was warm-started from the previous model
     */
    record Accepted(String modelName, long durationMs, byte[] checkpoint, ModelMetadata metadata, boolean warm)
            implements TrainingOutcome {
        /** Validates. */
        public Accepted {
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /**
     * The candidate trained but scored worse than the current model beyond the tolerance: not published.
     *
     * @param modelName  the model
     * @param durationMs request to outcome, ms
     * @param candidate  the candidate's held-out scores
     * @param current    the current model's scores on the same held-out slice
     */
    record Rejected(String modelName, long durationMs, ModelMetadata.Scores candidate, ModelMetadata.Scores current)
            implements TrainingOutcome {
        /** Validates. */
        public Rejected {
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * The training did not produce a candidate.
     *
     * @param modelName  the model
     * @param durationMs request to outcome, ms
     * @param reason     why, one of a bounded set (a metric tag)
     * @param message    the detail, for the log
     */
    record Failed(String modelName, long durationMs, Reason reason, String message) implements TrainingOutcome {
        /** Validates. */
        public Failed {
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a training failed; the lower-case name is the metric tag. */
    enum Reason {
        /** It outlived {@code training.deadline} and was cancelled. */
        DEADLINE,
        /** A loss became NaN or infinite. */
        DIVERGED,
        /** The bars could not make a dataset (too few, or not transformable). */
        DATA,
        /** Anything else. */
        ERROR;

        /** @return the metric tag value */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
