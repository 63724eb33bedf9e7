package io.tickforge.producer.follow;

import io.tickforge.producer.synth.ModelSource;
import io.tickforge.producer.synth.ServedModel;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The models accepted for serving, one per name: the latest valid version. Written by the model follower (and by
 * the service for a model file), read by the feed at its bar steps. A version is accepted only when it is newer
 * than the one held, so a replayed or older checkpoint never replaces a newer one. Thread-safe.
 */
public final class ModelBoard implements ModelSource {

    private SortedMap<String, ServedModel> models = Collections.emptySortedMap();
    private long generation;

    /**
     * Accepts a model when it is newer than the one held under its name.
     *
     * @param model the model
     * @return the version it replaced (0 when the name is new)
     * @throws ModelRejectedException with {@link RejectReason#STALE} when its version is not newer than the held one
     */
    public synchronized long offer(ServedModel model) throws ModelRejectedException {
        Objects.requireNonNull(model, "model");
        ServedModel held = models.get(model.name());
        if (held != null && model.version() <= held.version()) {
            throw new ModelRejectedException(RejectReason.STALE, "model " + model.name() + " version "
                    + model.version() + " is not newer than the served version " + held.version(), null);
        }
        TreeMap<String, ServedModel> next = new TreeMap<>(models);
        next.put(model.name(), model);
        publish(next);
        return held == null ? 0 : held.version();
    }

    /**
     * Stops serving a name (its record on the compacted model topic was deleted).
     *
     * @param name the model name
     * @return whether a model was held under it
     */
    public synchronized boolean remove(String name) {
        if (!models.containsKey(name)) {
            return false;
        }
        TreeMap<String, ServedModel> next = new TreeMap<>(models);
        next.remove(name);
        publish(next);
        return true;
    }

    private void publish(TreeMap<String, ServedModel> next) {
        models = Collections.unmodifiableSortedMap(next);
        generation++;
        notifyAll();
    }

    @Override
    public synchronized long generation() {
        return generation;
    }

    @Override
    public synchronized SortedMap<String, ServedModel> models() {
        return models;
    }

    /** @return the versions held, by name */
    public synchronized SortedMap<String, Long> versions() {
        SortedMap<String, Long> v = new TreeMap<>();
        models.forEach((k, m) -> v.put(k, m.version()));
        return Collections.unmodifiableSortedMap(v);
    }

    @Override
    public synchronized void awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
    }
}
