package io.tickforge.producer.synth;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;

import java.time.Duration;
import java.util.Objects;

/**
 * A checkpoint accepted for serving, with what sampling needs to know about it.
 *
 * <h2>Bar interval</h2>
 * A checkpoint does not record its bar length, so it is derived from its data window: the trainer records the
 * training bars' count ({@code rows}, all symbols together), the first and last bar's start and the symbols. With
 * {@code n = rows / max(1, symbols)} bars per symbol, the mean spacing is {@code (toTs - fromTs) / (n - 1)}; it is
 * snapped to the nearest round interval ({@link #ROUND_INTERVALS_MS}) when within 10 % of it (gaps in the data
 * stretch the mean a little), else rounded to the millisecond. When the window cannot tell (fewer than 2 bars per
 * symbol, or no time span, as in models trained from a CSV with {@code tickforge train}), the configured
 * {@code synth.barInterval} is used.
 *
 * @param name             the model name (the model topic's key)
 * @param version          its version, &gt;= 1
 * @param createdAt        when it was created, epoch ms
 * @param transform        how its features map back to bars
 * @param barInterval      the bar length of its synthetic bars, &gt;= 1 ms
 * @param intervalFromData whether {@code barInterval} came from the data window (else from the configuration)
 * @param checkpoint       the model, its scaler and metadata (read only while served)
 */
public record ServedModel(String name, long version, long createdAt, FeatureTransform transform, Duration barInterval,
                          boolean intervalFromData, Checkpoint checkpoint) {

    /** Round bar intervals a derived interval snaps to, in ms: 1 ms to 1 week. */
    public static final long[] ROUND_INTERVALS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000,
        10_000, 15_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_200_000, 1_800_000, 3_600_000,
        7_200_000, 10_800_000, 14_400_000, 21_600_000, 28_800_000, 43_200_000, 86_400_000, 604_800_000};

    /** Validates; messages name the field. */
    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(barInterval, "barInterval");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        if (barInterval.toMillis() < 1) {
            throw new IllegalArgumentException("barInterval must be at least 1ms, got " + barInterval);
        }
    }

    /**
     * @param checkpoint a decoded checkpoint
     * @param fallback   the bar interval when its data window cannot tell
     * @return the model to serve
     * @throws IllegalArgumentException naming {@code featureTransform} when the transform is unknown
     */
    public static ServedModel of(Checkpoint checkpoint, Duration fallback) {
        ModelMetadata m = checkpoint.metadata();
        FeatureTransform transform = FeatureTransform.fromWireName(m.featureTransform());
        long derived = derivedIntervalMs(m.dataWindow());
        Duration interval = derived > 0 ? Duration.ofMillis(derived) : fallback;
        return new ServedModel(m.modelName(), m.modelVersion(), m.createdAt(), transform, interval, derived > 0,
                checkpoint);
    }

    /**
     * @param window a model's data window
     * @return the mean spacing of its bars, snapped to a round interval within 10 %, ms; 0 when the window cannot
     *     tell
     */
    public static long derivedIntervalMs(ModelMetadata.DataWindow window) {
        long perSymbol = window.rows() / Math.max(1, window.symbols().size());
        long span = window.toTs() - window.fromTs();
        if (perSymbol < 2 || span <= 0) {
            return 0;
        }
        double mean = (double) span / (perSymbol - 1);
        long best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (long round : ROUND_INTERVALS_MS) {
            double distance = Math.abs(mean - round) / round;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = round;
            }
        }
        return bestDistance <= 0.10 ? best : Math.max(1, Math.round(mean));
    }

    /** @return the bar interval, ms */
    public long intervalMs() {
        return barInterval.toMillis();
    }
}
