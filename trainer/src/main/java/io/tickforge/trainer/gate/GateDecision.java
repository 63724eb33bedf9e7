package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata;

import java.util.Objects;

/**
 * What the gate decided about a candidate, and on what scores.
 *
 * @param accepted  whether the candidate may replace the current model
 * @param candidate the candidate's scores on the held-out windows
 * @param current   the current model's scores on the same windows, or null when there is no current model (or none
 *                  comparable with the candidate)
 * @param reason    why, for the log: e.g. {@code no current model}, {@code within tolerance},
 *                  {@code discriminative 0.31 > 0.22 + 0.02}
 */
public record GateDecision(boolean accepted, ModelMetadata.Scores candidate, ModelMetadata.Scores current,
                           String reason) {

    /** Validates; messages name the field. */
    public GateDecision {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reason, "reason");
        if (!accepted && current == null) {
            throw new IllegalArgumentException("current must be given when a candidate is rejected");
        }
    }
}
