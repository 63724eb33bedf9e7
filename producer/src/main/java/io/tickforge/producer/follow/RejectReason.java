package io.tickforge.producer.follow;

import java.util.Locale;

/** Why a checkpoint was refused; the {@code reason} tag of {@code tickforge.producer.models.rejected}. */
public enum RejectReason {
    /** Not a readable checkpoint: bad bytes, truncated, a checksum mismatch, an unsupported format version. */
    CORRUPT,
    /** The metadata names a feature transform this release does not know. */
    UNKNOWN_TRANSFORM,
    /**
     * Readable but unusable here: not the five bar features, instrument names that are not valid symbols, or a
     * generator whose output is not finite.
     */
    INCOMPATIBLE,
    /** Not newer than the version already served under the name (older or equal). */
    STALE,
    /** The record's key differs from the model name in the checkpoint. */
    NAME_MISMATCH,
    /** A model-topic record without a key. */
    NO_KEY;

    /** @return the tag value, e.g. {@code unknown-transform} */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
