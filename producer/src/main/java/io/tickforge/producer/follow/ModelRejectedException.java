package io.tickforge.producer.follow;

import java.util.Objects;

/** A checkpoint that will not be served, with the reason and a message that names what is wrong. */
public final class ModelRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reason, for the metric tag. */
    private final RejectReason reason;

    /**
     * @param reason  why
     * @param message what is wrong
     * @param cause   the underlying failure, or null
     */
    public ModelRejectedException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public RejectReason reason() {
        return reason;
    }
}
