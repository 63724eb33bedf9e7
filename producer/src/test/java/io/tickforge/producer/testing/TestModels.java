package io.tickforge.producer.testing;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.checkpoint.TrainingData;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentCell;

import java.util.List;

/**
 * Tiny untrained TimeGAN checkpoints built in the test (hidden 4, 2 layers, 4 steps): random weights are enough to
 * exercise sampling, and building one takes milliseconds.
 */
public final class TestModels {

    /** A model name as the trainer gives them. */
    public static final String NAME = "timegan-SIM-XHJ";
    /** Epoch ms of the data window's first bar. */
    public static final long FROM_TS = 1_700_000_000_000L;

    private TestModels() {
    }

    /** @return a tiny config with five features and the given weight seed */
    public static TimeGanConfig config(int features, long seed) {
        return new TimeGanConfig(features, 4, 2, 4, 2, 1.0, 0.15, AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL,
                RecurrentCell.GRU, 1, seed);
    }

    /** A model description. */
    public record Spec(String name, long version, long weightSeed, String transform, int features,
                       ModelMetadata.DataWindow window) {

        /**
         * @param value the model name
         * @return a copy with it
         */
        public Spec name(String value) {
            return new Spec(value, version, weightSeed, transform, features, window);
        }

        /**
         * @param value the version
         * @return a copy with it
         */
        public Spec version(long value) {
            return new Spec(name, value, weightSeed, transform, features, window);
        }

        /**
         * @param value the weight seed
         * @return a copy with it
         */
        public Spec weightSeed(long value) {
            return new Spec(name, version, value, transform, features, window);
        }

        /**
         * @param value the transform's wire name
         * @return a copy with it
         */
        public Spec transform(String value) {
            return new Spec(name, version, weightSeed, value, features, window);
        }

        /**
         * @param value the feature count
         * @return a copy with it
         */
        public Spec features(int value) {
            return new Spec(name, version, weightSeed, transform, value, window);
        }

        /**
         * @param value the data window
         * @return a copy with it
         */
        public Spec window(ModelMetadata.DataWindow value) {
            return new Spec(name, version, weightSeed, transform, features, value);
        }

        /** @return the checkpoint */
        public Checkpoint checkpoint() {
            return TestModels.checkpoint(this);
        }

        /** @return the checkpoint's bytes */
        public byte[] bytes() {
            return checkpoint().toBytes();
        }
    }

    /**
     * @return version 1 of {@value #NAME}, log returns, 200 one-second bars of one symbol
     */
    public static Spec spec() {
        return new Spec(NAME, 1, 7, FeatureTransform.LOG_RETURNS.wireName(), 5, window(200, 1000, 1));
    }

    /**
     * @param bars      bars per symbol
     * @param spacingMs spacing of the bars
     * @param symbols   how many symbols
     * @return a data window of evenly spaced bars
     */
    public static ModelMetadata.DataWindow window(long bars, long spacingMs, int symbols) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            names.add("SIM-" + (char) ('A' + i));
        }
        return new ModelMetadata.DataWindow(bars * symbols, FROM_TS, FROM_TS + (bars - 1) * spacingMs, names);
    }

    private static Checkpoint checkpoint(Spec spec) {
        TimeGanConfig config = config(spec.features(), spec.weightSeed());
        TimeGan model = new TimeGan(config, Gemm.plainJava());
        boolean logReturns = spec.transform().equals(FeatureTransform.LOG_RETURNS.wireName());
        double[] mins;
        double[] maxs;
        List<String> names;
        if (spec.features() == 5) {
            mins = logReturns ? new double[] {-0.002, 0.0, -0.004, -0.003, 4} : new double[] {95, 97, 93, 95, 100};
            maxs = logReturns ? new double[] {0.002, 0.004, 0.0, 0.003, 8} : new double[] {105, 108, 103, 105, 900};
            names = logReturns ? FeatureTransform.LOG_RETURNS.featureNames() : FeatureTransform.LEVELS.featureNames();
        } else {
            mins = new double[spec.features()];
            maxs = new double[spec.features()];
            java.util.Arrays.fill(maxs, 1);
            names = new java.util.ArrayList<>();
            for (int f = 0; f < spec.features(); f++) {
                names.add("f" + f);
            }
        }
        ModelMetadata metadata = new ModelMetadata(Checkpoint.FORMAT_VERSION, spec.name(), spec.version(),
                FROM_TS + 86_400_000L, "0.1.0-test", names, spec.transform(),
                Checkpoint.hyperparameters(config), spec.weightSeed(), spec.window(), ModelMetadata.Scores.NONE);
        return new Checkpoint(model, MinMaxScaler.of(mins, maxs), metadata,
                new TrainingData("test", 0, spec.window().rows()), false);
    }
}
