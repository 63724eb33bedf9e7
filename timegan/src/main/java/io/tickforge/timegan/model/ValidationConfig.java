package io.tickforge.timegan.model;

/**
 * How often and on how much held-out data a {@link TrainingRun} evaluates its model.
 *
 * @param interval evaluate after every {@code interval}-th iteration of each phase and after each phase's last
 *     iteration; positive
 * @param batches validation batches averaged per evaluation; positive
 */
public record ValidationConfig(int interval, int batches) {

    /**
     * Validates both fields; messages name the field and the value.
     *
     * @param interval iterations between evaluations
     * @param batches batches per evaluation
     */
    public ValidationConfig {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (batches <= 0) {
            throw new IllegalArgumentException("batches must be positive, got " + batches);
        }
    }

    /**
     * Every 1,000 iterations (when the reference code prints its losses), on 4 batches.
     *
     * @return the defaults
     */
    public static ValidationConfig defaults() {
        return new ValidationConfig(1000, 4);
    }
}
