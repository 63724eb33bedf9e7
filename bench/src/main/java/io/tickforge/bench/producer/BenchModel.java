package io.tickforge.bench.producer;

import io.tickforge.cli.simulate.MarketSimulator;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.schemas.Bar;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.train.Provenance;
import io.tickforge.timegan.train.TrainingJob;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.retrain.TrainingRequest;
import io.tickforge.trainer.retrain.TrainingSet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/**
 * The model the producer benchmark serves: the trainer's default architecture (log returns, 24 steps, 24 hidden
 * units, 3 GRU layers), trained the way the trainer trains, on 1 s bars of simulated ticks, for a few iterations
 * only. What a sample costs depends on the architecture, not on how well the weights were trained.
 */
final class BenchModel {
    /** Bar length of the training bars, ms. */
    static final long BAR_MS = 1_000;
    private static final Instant START = Instant.parse("2026-01-05T14:30:00Z");

    private BenchModel() {
    }

    /**
     * @param modelName the model name
     * @param seed      the seed of the ticks and the training
     * @return the checkpoint bytes, without optimiser state, as the trainer publishes them
     */
    static byte[] train(String modelName, long seed) {
        MarketSimulator market = new MarketSimulator(SimulatorConfig.defaults(1, seed, START.toEpochMilli(), 50));
        String symbol = market.symbols().get(0);
        TrainingConfig defaults = TrainingConfig.defaults();
        TrainingConfig training = new TrainingConfig(defaults.features(), defaults.steps(), defaults.hidden(),
                defaults.layers(), defaults.batch(), defaults.cell(), 10, 10, seed, 1, defaults.deadline());
        TreeMap<String, List<Bar>> bars = new TreeMap<>();
        bars.put(symbol, market.nextBars(symbol, 400, BAR_MS));
        TrainingSet set = TrainingSet.of(new TrainingRequest(modelName, bars, TrainingRequest.Trigger.FIRST,
                START.toEpochMilli()), training, GateConfig.defaults(), seed);
        TrainingJob.Result result = new TrainingJob(Clock.fixed(START, ZoneOffset.UTC), Gemm.openBlas(), "bench")
                .run(set.dataset(), training.timeGan(training.coldIterations(), seed), null,
                        new Provenance(modelName, 1, training.features().wireName(), set.window()), null, p -> { });
        Checkpoint c = result.checkpoint();
        return new Checkpoint(c.model(), c.scaler(), c.metadata(), c.trainingData(), false).toBytes();
    }
}
