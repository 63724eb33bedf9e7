package io.tickforge.timegan.checkpoint;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.SineDataset;
import io.tickforge.timegan.data.WindowSet;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import java.util.List;
import java.util.SplittableRandom;

/** A tiny TimeGAN trained a few iterations on sine data, and a checkpoint of it. */
final class TinyModels {

    static final long SEED = 42;
    static final int ITERATIONS = 3;
    static final TimeGanConfig CONFIG = new TimeGanConfig(3, 4, 2, 6, 8, 1.0, 0.15, AdamConfig.tf1Defaults(),
            GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, ITERATIONS, SEED);
    static final MinMaxScaler SCALER = MinMaxScaler.of(new double[] {0, 10, -1}, new double[] {1, 20, 1});
    static final TrainingData DATA = new TrainingData("sine:64x6x3", 0, 64 * 6);

    private TinyModels() {
    }

    static TimeGan trained() {
        TimeGan model = new TimeGan(CONFIG, new SplittableRandom(SEED), Gemm.plainJava());
        WindowSet windows = SineDataset.generate(64, 6, 3, SEED);
        model.train(windows.batchSource(CONFIG.batch()), new SplittableRandom(SEED + 1), ITERATIONS, p -> { });
        return model;
    }

    static ModelMetadata metadata() {
        return new ModelMetadata(Checkpoint.FORMAT_VERSION, "timegan-sine", 1, 1_700_000_000_000L, "0.1.0-SNAPSHOT",
                List.of("a", "b", "c"), "levels", Checkpoint.hyperparameters(CONFIG, ITERATIONS), SEED,
                new ModelMetadata.DataWindow(64 * 6, 1_700_000_000_000L, 1_700_000_000_000L, List.of()),
                new ModelMetadata.Scores(0.25, null, null, null));
    }

    static Checkpoint checkpoint(TimeGan model, boolean optimiserState) {
        return new Checkpoint(model, SCALER, metadata(), DATA, optimiserState);
    }

    static float[] noise(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[CONFIG.steps() * CONFIG.batch() * CONFIG.features()];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextFloat();
        }
        return z;
    }
}
