package io.tickforge.trainer.retrain;

import java.time.Duration;
import java.util.Objects;

/**
 * When models are trained, and over what.
 *
 * @param scope            one model per symbol ({@code timegan-<symbol>}), or one pooled model over all symbols
 * @param pooledModelName  the pooled model's name (used only with {@link Scope#POOLED})
 * @param retrainInterval  retrain a model when this much wall-clock time has passed since its last training
 *                         started, at least 1 s
 * @param retrainEveryBars retrain a model when this many bars have arrived since its last training started,
 *                         whichever of the two comes first; at least 1
 * @param checkInterval    how often (wall clock) the schedule is checked and finished trainings are collected,
 *                         at least 10 ms
 */
public record ScheduleConfig(Scope scope, String pooledModelName, Duration retrainInterval, int retrainEveryBars,
                             Duration checkInterval) {

    /** The prefix of per-symbol model names. */
    public static final String MODEL_PREFIX = "timegan-";

    /** What one model covers. */
    public enum Scope {
        /** One model per symbol. */
        PER_SYMBOL,
        /** One model across every symbol. */
        POOLED
    }

    /** Validates every field; messages name it. */
    public ScheduleConfig {
        Objects.requireNonNull(scope, "schedule.scope");
        if (pooledModelName == null || !pooledModelName.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("schedule.pooledModelName must be 1-200 letters, digits, '.', '_' or"
                    + " '-', got " + pooledModelName);
        }
        Objects.requireNonNull(retrainInterval, "schedule.retrainInterval");
        Objects.requireNonNull(checkInterval, "schedule.checkInterval");
        if (retrainInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("schedule.retrainInterval must be at least 1s, got " + retrainInterval);
        }
        if (retrainEveryBars < 1) {
            throw new IllegalArgumentException("schedule.retrainEveryBars must be at least 1, got " + retrainEveryBars);
        }
        if (checkInterval.toMillis() < 10) {
            throw new IllegalArgumentException("schedule.checkInterval must be at least 10ms, got " + checkInterval);
        }
    }

    /** @return per-symbol models, retrained every 10 minutes or 600 bars, checked every second */
    public static ScheduleConfig defaults() {
        return new ScheduleConfig(Scope.PER_SYMBOL, "timegan-pooled", Duration.ofMinutes(10), 600,
                Duration.ofSeconds(1));
    }

    /**
     * @param symbol a symbol
     * @return the name of the model the symbol's bars train
     */
    public String modelFor(String symbol) {
        return scope == Scope.POOLED ? pooledModelName : MODEL_PREFIX + symbol;
    }
}
