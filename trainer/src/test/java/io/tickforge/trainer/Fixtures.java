package io.tickforge.trainer;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.checkpoint.TrainingData;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.retrain.TrainingRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Tiny configurations, seeded bar series and checkpoints shared by the trainer's tests. */
public final class Fixtures {

    /** Start of every generated series, epoch ms. */
    public static final long T0 = 1_700_000_000_000L;
    /** Bar length of every generated series, ms. */
    public static final long INTERVAL = 1_000L;
    /** The tiny training seed. */
    public static final long SEED = 7;

    private Fixtures() {
    }

    /** @return log returns, 6 steps, hidden 4, 2 GRU layers, batch 8, 3 cold and 2 warm iterations, 2 workers */
    public static TrainingConfig tinyTraining() {
        return tinyTraining(2, 3);
    }

    /**
     * @param workers        pool size
     * @param coldIterations iterations of a first training
     * @return the tiny training settings with these changes
     */
    public static TrainingConfig tinyTraining(int workers, int coldIterations) {
        return new TrainingConfig(FeatureTransform.LOG_RETURNS, 6, 4, 2, 8, RecurrentCell.GRU, coldIterations, 2,
                SEED, workers, Duration.ofMinutes(1));
    }

    /** @return 20% held out, 5 classifier and 5 predictor iterations, 1 repeat, tolerance 0.02 */
    public static GateConfig tinyGate() {
        return new GateConfig(0.2, 5, 5, 1, 0.02);
    }

    /**
     * A seeded random walk of valid bars, oldest first, one per {@link #INTERVAL} from {@link #T0}.
     *
     * @param symbol the symbol
     * @param n      bars
     * @param price  the first open
     * @param seed   the seed
     * @return the bars
     */
    public static List<Bar> walk(String symbol, int n, double price, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>(n);
        double close = price;
        for (int i = 0; i < n; i++) {
            double open = close * Math.exp(0.0005 * rng.nextGaussian());
            close = open * Math.exp(0.002 * rng.nextGaussian());
            double high = Math.max(open, close) * Math.exp(0.001 * Math.abs(rng.nextGaussian()));
            double low = Math.min(open, close) * Math.exp(-0.001 * Math.abs(rng.nextGaussian()));
            double volume = Math.floor(rng.nextDouble(0, 2_000));
            bars.add(new Bar(symbol, T0 + i * INTERVAL, INTERVAL, open, high, low, close, volume,
                    rng.nextInt(1, 50)));
        }
        return bars;
    }

    /**
     * A request over two symbols, {@code A} near 100 and {@code B} near 1,000.
     *
     * @param model the model name
     * @param bars  bars per symbol
     * @param seed  the walks' seed
     * @return the request
     */
    public static TrainingRequest request(String model, int bars, long seed) {
        TreeMap<String, List<Bar>> map = new TreeMap<>();
        map.put("A", walk("A", bars, 100, seed));
        map.put("B", walk("B", bars, 1_000, seed + 1));
        return new TrainingRequest(model, map, TrainingRequest.Trigger.FIRST, T0);
    }

    /**
     * An untrained tiny model's checkpoint under a name and version.
     *
     * @param name    the model name
     * @param version its version
     * @return the bytes
     */
    public static byte[] checkpoint(String name, long version) {
        TrainingConfig training = tinyTraining();
        var config = training.timeGan(3, SEED + version);
        TimeGan model = new TimeGan(config, Gemm.plainJava());
        MinMaxScaler scaler = MinMaxScaler.of(new double[5], new double[] {1, 1, 1, 1, 1});
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.CURRENT_FORMAT_VERSION, name, version, T0,
                "test", training.features().featureNames(), training.features().wireName(),
                Checkpoint.hyperparameters(config), config.seed(),
                new ModelMetadata.DataWindow(10, T0, T0 + 9 * INTERVAL, List.of("A")), ModelMetadata.Scores.NONE);
        return new Checkpoint(model, scaler, metadata, new TrainingData("bars:A", 0, 10), false).toBytes();
    }
}
