package io.tickforge.producer.synth;

import java.time.Duration;
import java.util.SortedMap;

/**
 * The models to serve, as the model follower keeps them: a snapshot and a generation number that changes with
 * every change, so the feed can notice a change with one read and apply it at its next bar boundary.
 * Implementations are thread-safe.
 */
public interface ModelSource {

    /** @return a number that changes whenever {@link #models()} changes */
    long generation();

    /** @return the models to serve now, by name; immutable */
    SortedMap<String, ServedModel> models();

    /**
     * Waits until {@link #generation()} differs from {@code seen}, or the timeout passes.
     *
     * @param seen    the generation last seen
     * @param timeout the longest wait
     * @throws InterruptedException when interrupted
     */
    void awaitChange(long seen, Duration timeout) throws InterruptedException;
}
