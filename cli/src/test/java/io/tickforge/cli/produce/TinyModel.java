package io.tickforge.cli.produce;

import io.tickforge.cli.simulate.MarketSimulator;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.schemas.Bar;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.train.Provenance;
import io.tickforge.timegan.train.TrainingJob;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.retrain.TrainingRequest;
import io.tickforge.trainer.retrain.TrainingSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/**
 * A tiny model for the produce tests, trained in a second or two the way the trainer trains: simulated ticks
 * become 100 ms bars of one symbol, then a log-returns TimeGAN with 4 hidden units is trained for a few iterations.
 * The same seed gives a bit-identical file; fidelity is not the point.
 */
final class TinyModel {
    /** Bar length of the training bars, ms. */
    static final long BAR_MS = 100;
    private static final Instant START = Instant.parse("2026-01-05T14:30:00Z");

    private TinyModel() {
    }

    /**
     * @param modelName the model name, e.g. {@code timegan-SIM-ABC}
     * @param seed      the seed of the ticks and the training
     * @return the checkpoint bytes, without optimiser state, as the trainer publishes them
     */
    static byte[] train(String modelName, long seed) {
        SimulatorConfig simulator = SimulatorConfig.defaults(1, seed, START.toEpochMilli(), 500);
        MarketSimulator market = new MarketSimulator(simulator);
        String symbol = market.symbols().get(0);
        List<Bar> bars = market.nextBars(symbol, 200, BAR_MS);
        TrainingConfig training = new TrainingConfig(FeatureTransform.LOG_RETURNS, 8, 4, 2, 8, RecurrentCell.GRU, 20,
                10, seed, 1, Duration.ofMinutes(1));
        GateConfig gate = new GateConfig(0.2, 1, 1, 1, 0.5);
        TreeMap<String, List<Bar>> bySymbol = new TreeMap<>();
        bySymbol.put(symbol, bars);
        TrainingSet set = TrainingSet.of(new TrainingRequest(modelName, bySymbol, TrainingRequest.Trigger.FIRST,
                START.toEpochMilli()), training, gate, seed);
        TrainingJob.Result result = new TrainingJob(Clock.fixed(START, ZoneOffset.UTC), Gemm.openBlas(), "test")
                .run(set.dataset(), training.timeGan(training.coldIterations(), seed), null,
                        new Provenance(modelName, 1, training.features().wireName(), set.window()), null, p -> { });
        Checkpoint c = result.checkpoint();
        return new Checkpoint(c.model(), c.scaler(), c.metadata(), c.trainingData(), false).toBytes();
    }

    /**
     * @param dir       where to write it
     * @param modelName the model name
     * @param seed      the seed
     * @return the model file
     * @throws IOException when it cannot be written
     */
    static Path write(Path dir, String modelName, long seed) throws IOException {
        Path file = dir.resolve(modelName + ".tgan");
        Files.write(file, train(modelName, seed));
        return file;
    }
}
