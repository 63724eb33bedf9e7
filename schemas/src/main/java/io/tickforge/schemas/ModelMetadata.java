package io.tickforge.schemas;

import io.tickforge.schemas.internal.Checks;

import java.util.List;

/**
 * What a TimeGAN model checkpoint says about itself: its identity, the features it was trained on and how they
 * were transformed, the hyperparameters, the seed, the data it saw and how good it is. The trainer writes one with
 * every checkpoint it publishes to the model topic; the producer reads it to decide whether it can load the model
 * ({@link #formatVersion()}) and reports it in logs and metrics. Together with the seed, this is the provenance of
 * every synthetic tick.
 *
 * <p>Nested records name their fields with the path from here, e.g. {@code "hyperparameters.seqLen"}, so an
 * {@link InvalidRecordException} points at the same place whether it came from Java, JSON or Avro.
 *
 * @param formatVersion    version of the checkpoint format, &gt;= 1; see {@link #CURRENT_FORMAT_VERSION}
 * @param modelName        name of the model, e.g. {@code "timegan-AAPL"}, not blank
 * @param modelVersion     version of this model under {@code modelName}, &gt;= 1, increasing with every retrain
 * @param createdAt        when the checkpoint was written, epoch milliseconds (UTC)
 * @param tickforgeVersion the tickforge release that wrote the checkpoint, e.g. {@code "0.1.0"}, not blank
 * @param featureNames     the model's input features in column order, e.g. {@code ["price", "size"]}; not empty,
 *                         no blank or duplicate name; copied
 * @param featureTransform how raw values became features before scaling, e.g. {@code "levels"} or
 *                         {@code "log-returns"}, not blank
 * @param hyperparameters  the training configuration
 * @param seed             the seed of every random choice made in training
 * @param dataWindow       the data the model was trained on
 * @param scores           held-out quality scores; {@link Scores#NONE} when not measured
 */
public record ModelMetadata(int formatVersion, String modelName, long modelVersion, long createdAt,
                            String tickforgeVersion, List<String> featureNames, String featureTransform,
                            Hyperparameters hyperparameters, long seed, DataWindow dataWindow, Scores scores) {

    /** The checkpoint format version this release writes. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
    public ModelMetadata {
        Checks.atLeast("formatVersion", formatVersion, 1);
        Checks.nonBlank("modelName", modelName);
        Checks.atLeast("modelVersion", modelVersion, 1);
        Checks.epochMillis("createdAt", createdAt);
        Checks.nonBlank("tickforgeVersion", tickforgeVersion);
        featureNames = Checks.uniqueNames("featureNames", featureNames, true, false);
        Checks.nonBlank("featureTransform", featureTransform);
        Checks.notNull("hyperparameters", hyperparameters);
        Checks.notNull("dataWindow", dataWindow);
        Checks.notNull("scores", scores);
    }

    /**
     * @param newScores the quality scores measured for this model
     * @return a copy of this metadata with the given scores
     */
    public ModelMetadata withScores(Scores newScores) {
        return new ModelMetadata(formatVersion, modelName, modelVersion, createdAt, tickforgeVersion, featureNames,
                featureTransform, hyperparameters, seed, dataWindow, newScores);
    }

    /** The recurrent cell of every TimeGAN network. On the wire it is the lower-case {@link #wireName()}. */
    public enum Cell {
        /** Gated recurrent unit, the reference implementation's choice. */
        GRU("gru"),
        /** Long short-term memory. */
        LSTM("lstm");

        private final String wireName;

        Cell(String wireName) {
            this.wireName = wireName;
        }

        /** @return the name used in JSON and Avro, {@code "gru"} or {@code "lstm"} */
        public String wireName() {
            return wireName;
        }

        /**
         * @param wireName {@code "gru"} or {@code "lstm"}
         * @return the matching cell
         * @throws InvalidRecordException naming {@code hyperparameters.cell} for any other value
         */
        public static Cell fromWireName(String wireName) {
            for (Cell cell : values()) {
                if (cell.wireName.equals(wireName)) {
                    return cell;
                }
            }
            throw new InvalidRecordException("hyperparameters.cell", wireName, "must be one of gru, lstm");
        }

        /** @return the {@link #wireName()}, which is what the JSON codec reads and writes */
        @Override
        public String toString() {
            return wireName;
        }
    }

    /**
     * TimeGAN's training configuration. The field names in errors are prefixed with {@code hyperparameters.}.
     *
     * @param seqLen             window length in steps, &gt;= 1 (reference: 24)
     * @param hidden             hidden units per recurrent layer, &gt;= 1 (reference: 24)
     * @param layers             recurrent layers per network, &gt;= 1 (reference: 3; the supervisor has one fewer)
     * @param batch              windows per training batch, &gt;= 1 (reference: 128)
     * @param iterationsPerPhase optimiser steps in each of the three phases, &gt;= 1 (reference: 50,000)
     * @param cell               the recurrent cell, not null
     * @param learningRate       Adam learning rate, finite and &gt; 0 (reference: 0.001)
     * @param gamma              weight of the embedding-space adversarial terms, finite and &gt;= 0 (reference: 1)
     */
    public record Hyperparameters(int seqLen, int hidden, int layers, int batch, int iterationsPerPhase, Cell cell,
                                  double learningRate, double gamma) {

        /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
        public Hyperparameters {
            Checks.atLeast("hyperparameters.seqLen", seqLen, 1);
            Checks.atLeast("hyperparameters.hidden", hidden, 1);
            Checks.atLeast("hyperparameters.layers", layers, 1);
            Checks.atLeast("hyperparameters.batch", batch, 1);
            Checks.atLeast("hyperparameters.iterationsPerPhase", iterationsPerPhase, 1);
            Checks.notNull("hyperparameters.cell", cell);
            Checks.positive("hyperparameters.learningRate", learningRate);
            Checks.nonNegative("hyperparameters.gamma", gamma);
        }

        /** @return the reference implementation's settings: 24 steps, 24 hidden, 3 GRU layers, batch 128,
         * 50,000 iterations per phase, learning rate 0.001, gamma 1 */
        public static Hyperparameters reference() {
            return new Hyperparameters(24, 24, 3, 128, 50_000, Cell.GRU, 0.001, 1.0);
        }
    }

    /**
     * The slice of the tick stream a model was trained on. The field names in errors are prefixed with
     * {@code dataWindow.}.
     *
     * @param rows    rows (ticks or bars) in the window, &gt;= 0
     * @param fromTs  event time of the first row, epoch milliseconds (UTC)
     * @param toTs    event time of the last row, epoch milliseconds (UTC), &gt;= {@code fromTs}
     * @param symbols the symbols in the window, each a valid {@link Tick#symbol()}, no duplicate; empty when not
     *                recorded; {@code null} is read as empty; copied
     */
    public record DataWindow(long rows, long fromTs, long toTs, List<String> symbols) {

        /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
        public DataWindow {
            Checks.atLeast("dataWindow.rows", rows, 0);
            Checks.epochMillis("dataWindow.fromTs", fromTs);
            Checks.epochMillis("dataWindow.toTs", toTs);
            if (toTs < fromTs) {
                throw new InvalidRecordException("dataWindow.toTs", toTs, "must be >= fromTs " + fromTs);
            }
            symbols = symbols == null ? List.of() : Checks.uniqueNames("dataWindow.symbols", symbols, false, true);
        }
    }

    /**
     * Held-out quality scores, as TimeGAN's benchmark defines them; lower is better for both. A score is
     * {@code null} when it was not measured; a standard deviation is {@code null} when the score comes from one run
     * and must be {@code null} when its score is. The field names in errors are prefixed with {@code scores.}.
     *
     * @param discriminative    |test accuracy - 0.5| of a post-hoc real-vs-synthetic classifier, in [0, 0.5]
     * @param discriminativeStd standard deviation of {@code discriminative} over repeated runs, finite and &gt;= 0
     * @param predictive        mean absolute error on real data of a next-step predictor trained on synthetic
     *                          data, in the features' scaled units, finite and &gt;= 0
     * @param predictiveStd     standard deviation of {@code predictive} over repeated runs, finite and &gt;= 0
     */
    public record Scores(Double discriminative, Double discriminativeStd, Double predictive, Double predictiveStd) {

        /** No score measured. */
        public static final Scores NONE = new Scores(null, null, null, null);

        /** Largest possible discriminative score: a classifier that is always right or always wrong. */
        public static final double MAX_DISCRIMINATIVE = 0.5;

        /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
        public Scores {
            Checks.optionalNonNegative("scores.discriminative", discriminative);
            if (discriminative != null && discriminative > MAX_DISCRIMINATIVE) {
                throw new InvalidRecordException("scores.discriminative", discriminative,
                        "must be <= " + MAX_DISCRIMINATIVE);
            }
            Checks.optionalNonNegative("scores.discriminativeStd", discriminativeStd);
            if (discriminativeStd != null && discriminative == null) {
                throw new InvalidRecordException("scores.discriminativeStd", discriminativeStd,
                        "must be null when scores.discriminative is null");
            }
            Checks.optionalNonNegative("scores.predictive", predictive);
            Checks.optionalNonNegative("scores.predictiveStd", predictiveStd);
            if (predictiveStd != null && predictive == null) {
                throw new InvalidRecordException("scores.predictiveStd", predictiveStd,
                        "must be null when scores.predictive is null");
            }
        }

        /**
         * Scores from a single run, without standard deviations.
         *
         * @param discriminative the discriminative score
         * @param predictive     the predictive score
         * @return the validated scores
         */
        public static Scores of(double discriminative, double predictive) {
            return new Scores(discriminative, null, predictive, null);
        }
    }
}
