package io.tickforge.timegan.data;

import java.util.Objects;

/**
 * A training set and the validation set held out from it (for quality gating and early stopping).
 *
 * @param train what the model is trained on
 * @param validation what it is scored on, never trained on
 * @param <T> the kind of data set ({@link WindowSet} or {@link TimeSeriesTable})
 */
public record HeldOut<T>(T train, T validation) {

    /**
     * @param train training part, not null
     * @param validation validation part, not null
     */
    public HeldOut {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * Checks a validation fraction and turns it into a count of held-out items: {@code round(n * fraction)}, at
     * least 1 and at most {@code n - 1} so that neither part is empty.
     *
     * @param n items to split, at least 2
     * @param validationFraction fraction held out, in (0, 1)
     * @return the number of validation items
     */
    static int validationCount(int n, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 items to hold some out, got " + n);
        }
        long k = Math.round(n * validationFraction);
        return (int) Math.max(1, Math.min(n - 1, k));
    }
}
