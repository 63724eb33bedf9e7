package io.tickforge.timegan.checkpoint;

import java.io.IOException;

/**
 * A checkpoint that cannot be read: not a checkpoint, an unsupported format version, truncated, corrupt (checksum
 * mismatch), or inconsistent with its own configuration (a tensor of the wrong name or shape). The message says
 * which and names the offending part.
 */
public final class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the part of the file */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the part of the file
     * @param cause the underlying failure
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
