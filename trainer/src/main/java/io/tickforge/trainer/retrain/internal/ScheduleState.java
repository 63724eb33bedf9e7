package io.tickforge.trainer.retrain.internal;

/**
 * One model's schedule, persisted per model name.
 *
 * @param barsSince      bars appended to the model's window(s) since its last training started (since the first bar
 *                       before any), &gt;= 0
 * @param lastStartedAt  wall-clock time the last training started, epoch ms; {@link #NEVER} before the first
 * @param firstRequested whether a first training was ever started
 */
public record ScheduleState(long barsSince, long lastStartedAt, boolean firstRequested) {

    /** {@link #lastStartedAt()} of a model never trained. */
    public static final long NEVER = Long.MIN_VALUE;

    /** A model that has seen no bar. */
    public static final ScheduleState INITIAL = new ScheduleState(0, NEVER, false);

    /** Validates. */
    public ScheduleState {
        if (barsSince < 0) {
            throw new IllegalArgumentException("barsSince must be >= 0, got " + barsSince);
        }
    }

    /** @return this state with one more bar */
    public ScheduleState plusBar() {
        return new ScheduleState(barsSince == Long.MAX_VALUE ? barsSince : barsSince + 1, lastStartedAt,
                firstRequested);
    }

    /**
     * @param now wall-clock time, epoch ms
     * @return the state right after a training started at {@code now}
     */
    public ScheduleState started(long now) {
        return new ScheduleState(0, now, true);
    }
}
