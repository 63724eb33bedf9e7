package io.tickforge.trainer.retrain;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.TrainingData;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.WindowSet;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.train.Dataset;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.gate.HeldOutWindows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@link TrainingRequest} made ready for training and gating.
 *
 * <p>Per symbol: the bars become feature rows ({@code training.features}); the most recent
 * {@code floor(rows * gate.holdoutFraction)} rows are held out for the gate, the rest are training rows. The
 * min-max scaler is fit on the training rows of every symbol together; training windows of {@code training.steps}
 * rows slide over each symbol's training rows separately (never across two symbols) and are concatenated, then
 * shuffled with the seed. A symbol with fewer training rows than one window adds no training rows; one with fewer
 * held-out rows than one window adds no held-out window. With the bars of {@link TrainerConfig#minimumBars} per
 * symbol there are at least one batch of training windows and {@link TrainerConfig#MIN_HELD_OUT_WINDOWS} held-out
 * ones.
 *
 * @param dataset the training windows, scaler and provenance (the training bars, including any bar the transform
 *                consumed), without validation windows
 * @param heldOut the gate's windows
 * @param window  the training bars' count, event-time range (first and last bar start) and symbols, for the
 *                checkpoint's metadata
 */
public record TrainingSet(Dataset dataset, HeldOutWindows heldOut, ModelMetadata.DataWindow window) {

    /** Validates; messages name the field. */
    public TrainingSet {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(window, "window");
        if (window.rows() != dataset.provenance().rows()) {
            throw new IllegalArgumentException("window.rows must equal the dataset's " + dataset.provenance().rows()
                    + " rows, got " + window.rows());
        }
    }

    /**
     * Builds the training set of a request.
     *
     * @param request  the bars
     * @param training the feature transform, steps and batch
     * @param gate     the held-out fraction
     * @param seed     the seed of the training windows' shuffle
     * @return the training set
     * @throws TrainingDataException when the bars give fewer than {@code training.batch} training windows or fewer
     *     than {@link TrainerConfig#MIN_HELD_OUT_WINDOWS} held-out ones, or a symbol's bars are not a series
     */
    public static TrainingSet of(TrainingRequest request, TrainingConfig training, GateConfig gate, long seed) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(gate, "gate");
        FeatureTransform transform = training.features();
        int steps = training.steps();
        int d = transform.featureNames().size();
        List<double[][]> trainSeries = new ArrayList<>();
        List<double[][]> heldOutSeries = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        long trainBars = 0;
        long fromTs = Long.MAX_VALUE;
        long toTs = Long.MIN_VALUE;
        for (Map.Entry<String, List<Bar>> e : request.bars().entrySet()) {
            List<Bar> bars = e.getValue();
            double[][] rows;
            try {
                rows = transform.forward(bars);
            } catch (IllegalArgumentException ex) {
                throw new TrainingDataException("model " + request.modelName() + ": bars of " + e.getKey()
                        + " are not a series: " + ex.getMessage(), ex);
            }
            int heldOutRows = (int) Math.floor(rows.length * gate.holdoutFraction());
            int trainRows = rows.length - heldOutRows;
            if (heldOutRows >= steps) {
                heldOutSeries.add(slice(rows, trainRows, rows.length));
            }
            if (trainRows >= steps) {
                trainSeries.add(slice(rows, 0, trainRows));
                symbols.add(e.getKey());
                int usedBars = trainRows + transform.consumedBars();
                trainBars += usedBars;
                fromTs = Math.min(fromTs, bars.get(0).start());
                toTs = Math.max(toTs, bars.get(usedBars - 1).start());
            }
        }
        int trainWindows = windows(trainSeries, steps);
        int heldOutWindows = windows(heldOutSeries, steps);
        if (trainWindows < training.batch() || heldOutWindows < TrainerConfig.MIN_HELD_OUT_WINDOWS) {
            throw new TrainingDataException("model " + request.modelName() + ": " + request.barCount() + " bars of "
                    + request.bars().size() + " symbol(s) give " + trainWindows + " training windows and "
                    + heldOutWindows + " held-out windows of training.steps " + steps + ", need at least"
                    + " training.batch " + training.batch() + " and " + TrainerConfig.MIN_HELD_OUT_WINDOWS
                    + " (gate.holdoutFraction " + gate.holdoutFraction() + ")");
        }
        List<double[]> all = new ArrayList<>();
        for (double[][] rows : trainSeries) {
            all.addAll(List.of(rows));
        }
        MinMaxScaler scaler = MinMaxScaler.fit(all.toArray(new double[0][]), d);
        float[] values = new float[trainWindows * steps * d];
        int o = 0;
        for (double[][] rows : trainSeries) {
            for (int w = 0; w + steps <= rows.length; w++) {
                for (int t = 0; t < steps; t++) {
                    for (int f = 0; f < d; f++) {
                        values[o++] = (float) scaler.transform(f, rows[w + t][f]);
                    }
                }
            }
        }
        WindowSet train = new WindowSet(values, steps, d).shuffled(new SplittableRandom(seed));
        String source = "bars:" + String.join(",", symbols);
        Dataset dataset = new Dataset(source, transform.featureNames(), scaler, train, null,
                new TrainingData(source, 0, trainBars));
        HeldOutWindows heldOut = HeldOutWindows.fit(heldOutSeries, d, steps);
        return new TrainingSet(dataset, heldOut, new ModelMetadata.DataWindow(trainBars, fromTs, toTs, symbols));
    }

    private static double[][] slice(double[][] rows, int from, int to) {
        double[][] out = new double[to - from][];
        System.arraycopy(rows, from, out, 0, to - from);
        return out;
    }

    private static int windows(List<double[][]> series, int steps) {
        int n = 0;
        for (double[][] rows : series) {
            n += Math.max(0, rows.length - steps + 1);
        }
        return n;
    }
}
