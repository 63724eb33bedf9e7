package io.tickforge.timegan.train;

import io.tickforge.timegan.checkpoint.TrainingData;
import io.tickforge.timegan.data.HeldOut;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.SineDataset;
import io.tickforge.timegan.data.SineSpec;
import io.tickforge.timegan.data.TimeSeriesTable;
import io.tickforge.timegan.data.WindowSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Training data ready for a model: windows in the scaled [0, 1] space, the scaler that maps them back, a held-out
 * validation part, the feature names and where the rows came from.
 *
 * @param source       where the data came from (a file name or a {@code sine:} spec)
 * @param featureNames feature names, in column order
 * @param scaler       the min-max scaler fit on the training rows
 * @param train        training windows, shuffled
 * @param validation   held-out windows, or null when none were held out
 * @param provenance   the rows the model learns from
 */
public record Dataset(String source, List<String> featureNames, MinMaxScaler scaler, WindowSet train,
                      WindowSet validation, TrainingData provenance) {

    /** Validates; messages name the field. */
    public Dataset {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(scaler, "scaler");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(provenance, "provenance");
        if (featureNames.size() != train.features() || scaler.features() != train.features()) {
            throw new IllegalArgumentException("featureNames and scaler must have the windows' " + train.features()
                    + " features, had " + featureNames.size() + " and " + scaler.features());
        }
    }

    /**
     * Loads {@code spec}: a {@code sine:NxTxD} spec (the paper's sine benchmark, {@code T} must equal
     * {@code steps}) or a CSV file with a header, read as it is (oldest row first).
     *
     * @param spec               {@code sine:10000x24x5} or a CSV path
     * @param columns            CSV columns to use, empty for all
     * @param steps              window length T
     * @param validationFraction fraction held out, in [0, 1): the most recent rows of a CSV, random sequences of
     *                           the sine set
     * @param seed               seed of the sine draw and of the shuffles
     * @return the dataset
     * @throws IOException when the CSV cannot be read
     */
    public static Dataset load(String spec, List<String> columns, int steps, double validationFraction, long seed)
            throws IOException {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), was " + validationFraction);
        }
        return spec.startsWith(SineSpec.PREFIX)
                ? sine(SineSpec.parse(spec), steps, validationFraction, seed)
                : csv(Path.of(spec), columns, steps, validationFraction, seed);
    }

    private static Dataset sine(SineSpec spec, int steps, double validationFraction, long seed) {
        if (spec.steps() != steps) {
            throw new IllegalArgumentException("steps of " + spec + " must equal the model's steps " + steps);
        }
        WindowSet all = SineDataset.generate(spec, seed);
        List<String> names = new ArrayList<>();
        for (int f = 0; f < spec.features(); f++) {
            names.add("f" + f);
        }
        // the paper's sine values are already in [0, 1] and are scored as they are
        MinMaxScaler identity = MinMaxScaler.unit(spec.features());
        SplittableRandom rng = new SplittableRandom(seed);
        WindowSet train = all.shuffled(rng);
        WindowSet validation = null;
        if (validationFraction > 0) {
            HeldOut<WindowSet> split = all.split(validationFraction, rng);
            train = split.train();
            validation = split.validation();
        }
        return new Dataset(spec.toString(), names, identity, train, validation,
                new TrainingData(spec.toString(), 0, (long) spec.count() * spec.steps()));
    }

    private static Dataset csv(Path file, List<String> columns, int steps, double validationFraction, long seed)
            throws IOException {
        TimeSeriesTable table = columns.isEmpty() ? TimeSeriesTable.readCsv(file) : TimeSeriesTable.readCsv(file, columns);
        TimeSeriesTable trainRows = table;
        TimeSeriesTable validationRows = null;
        if (validationFraction > 0) {
            HeldOut<TimeSeriesTable> split = table.splitChronologically(validationFraction);
            trainRows = split.train();
            validationRows = split.validation();
        }
        if (trainRows.rows() < steps) {
            throw new IllegalArgumentException(file + " has " + trainRows.rows() + " training rows, fewer than the "
                    + steps + " steps of one window");
        }
        MinMaxScaler scaler = MinMaxScaler.fit(trainRows);
        SplittableRandom rng = new SplittableRandom(seed);
        WindowSet train = WindowSet.slide(trainRows, scaler, steps).shuffled(rng);
        WindowSet validation = validationRows != null && validationRows.rows() >= steps
                ? WindowSet.slide(validationRows, scaler, steps) : null;
        return new Dataset(file.getFileName().toString(), table.featureNames(), scaler, train, validation,
                new TrainingData(file.getFileName().toString(), 0, trainRows.rows()));
    }
}
