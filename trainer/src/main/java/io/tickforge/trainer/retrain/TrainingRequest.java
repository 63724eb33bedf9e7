package io.tickforge.trainer.retrain;

import io.tickforge.schemas.Bar;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of the bars one model trains on, taken on the stream thread and handed to a {@link RetrainService}.
 * The snapshot is a copy: the window keeps moving while the training runs.
 *
 * @param modelName   the model to (re)train
 * @param bars        per symbol, its window's bars oldest first (one symbol per-symbol, every symbol pooled); not
 *                    empty, no empty list; copied, in symbol order
 * @param trigger     why the training was requested
 * @param requestedAt wall-clock time of the request, epoch milliseconds
 */
public record TrainingRequest(String modelName, SortedMap<String, List<Bar>> bars, Trigger trigger, long requestedAt) {

    /** Why a training was requested. */
    public enum Trigger {
        /** The model's first training: its window reached {@code window.minBars}. */
        FIRST,
        /** {@code schedule.retrainInterval} passed since the last training started. */
        INTERVAL,
        /** {@code schedule.retrainEveryBars} bars arrived since the last training started. */
        BARS
    }

    /** Validates and copies. */
    public TrainingRequest {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank, got " + modelName);
        }
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(trigger, "trigger");
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("bars must hold at least one symbol");
        }
        TreeMap<String, List<Bar>> copy = new TreeMap<>();
        for (Map.Entry<String, List<Bar>> e : bars.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("bars of " + e.getKey() + " must not be empty");
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        bars = Collections.unmodifiableSortedMap(copy);
    }

    /** @return the bars over all symbols */
    public int barCount() {
        return bars.values().stream().mapToInt(List::size).sum();
    }
}
