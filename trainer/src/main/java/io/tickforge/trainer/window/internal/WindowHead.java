package io.tickforge.trainer.window.internal;

/**
 * Where a symbol's window is in its ring of bar keys: bars {@code first .. next - 1} are present (sequence numbers
 * only grow), the latest one started at {@code lastStart}.
 *
 * @param first     the oldest bar's sequence number
 * @param next      the sequence number the next bar gets
 * @param lastStart the latest bar's start, epoch ms; {@link Long#MIN_VALUE} when the window is empty
 */
public record WindowHead(long first, long next, long lastStart) {

    /** The head of a symbol never seen. */
    public static final WindowHead EMPTY = new WindowHead(0, 0, Long.MIN_VALUE);

    /** Validates. */
    public WindowHead {
        if (first < 0 || next < first) {
            throw new IllegalArgumentException("window head must have 0 <= first <= next, got first " + first
                    + ", next " + next);
        }
    }

    /** @return bars in the window */
    public long size() {
        return next - first;
    }
}
