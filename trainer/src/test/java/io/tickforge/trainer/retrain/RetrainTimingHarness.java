package io.tickforge.trainer.retrain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.schemas.Bar;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.train.PhaseReport;
import io.tickforge.timegan.train.Provenance;
import io.tickforge.timegan.train.TrainingJob;
import io.tickforge.trainer.Fixtures;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.gate.QualityScorer;
import io.tickforge.trainer.metrics.TrainerMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Timing harness, not a test: the wall time of one warm retrain, trigger to outcome (dataset, warm training, gate
 * scoring of candidate and current model, checkpoint encoding), at the defaults ({@link TrainingConfig#defaults()},
 * {@link GateConfig#defaults()}) on 2 symbols of 400 bars each from a seeded random walk; then the same work timed
 * step by step, and the checkpoint's size. The current model (version 1) is a cold model with few iterations: its
 * quality does not change the time a retrain takes. Run with {@code OMP_NUM_THREADS=1}; optional arguments: warm
 * iterations per phase, gate classifier iterations, gate predictor iterations, gate repeats (default: the defaults).
 */
public final class RetrainTimingHarness {

    private RetrainTimingHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional overrides: warmIterations discriminativeIterations predictiveIterations repeats
     * @throws Exception when anything fails
     */
    public static void main(String[] args) throws Exception {
        TrainingConfig d = TrainingConfig.defaults();
        GateConfig g = GateConfig.defaults();
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : d.warmIterations();
        GateConfig gate = new GateConfig(g.holdoutFraction(),
                args.length > 1 ? Integer.parseInt(args[1]) : g.discriminativeIterations(),
                args.length > 2 ? Integer.parseInt(args[2]) : g.predictiveIterations(),
                args.length > 3 ? Integer.parseInt(args[3]) : g.repeats(), g.tolerance());
        TrainingConfig training = new TrainingConfig(d.features(), d.steps(), d.hidden(), d.layers(), d.batch(),
                d.cell(), d.coldIterations(), warm, d.seed(), d.workers(), d.deadline());
        TrainingConfig quickCold = new TrainingConfig(d.features(), d.steps(), d.hidden(), d.layers(), d.batch(),
                d.cell(), 20, warm, d.seed(), d.workers(), d.deadline());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "training: %s%ngate: %s%n", training, gate));

        Clock clock = Clock.systemUTC();
        ModelCatalog catalog = new ModelCatalog();
        TrainerMetrics metrics = new TrainerMetrics(new SimpleMeterRegistry(), clock);
        try (WorkerPoolRetrainService first = new WorkerPoolRetrainService(quickCold, gate, clock, Gemm::openBlas,
                "harness", metrics, catalog)) {
            TrainingOutcome o = submitAndWait(first, request(clock, 1));
            out.append(String.format(Locale.ROOT, "version 1 (cold, 20 iterations): %s in %d ms%n",
                    o.getClass().getSimpleName(), o.durationMs()));
        }
        byte[] v1 = catalog.current("timegan-pooled").orElseThrow().checkpoint();
        out.append(String.format(Locale.ROOT, "checkpoint size (no optimiser state): %d bytes (%.1f KiB)%n",
                v1.length, v1.length / 1024.0));

        TrainingRequest retrain = request(clock, 2);
        try (WorkerPoolRetrainService service = new WorkerPoolRetrainService(training, gate, clock, Gemm::openBlas,
                "harness", metrics, catalog)) {
            long t0 = System.nanoTime();
            TrainingOutcome o = submitAndWait(service, retrain);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.append(String.format(Locale.ROOT, "WARM RETRAIN trigger-to-outcome: %.1f s (%s, durationMs %d)%n",
                    seconds, describe(o), o.durationMs()));
        }

        // the same work step by step
        Gemm gemm = Gemm.openBlas();
        long t = System.nanoTime();
        TrainingSet set = TrainingSet.of(retrain, training, gate, training.seed() + 2);
        out.append(String.format(Locale.ROOT, "  dataset: %.2f s (%d training windows, %d held-out windows)%n",
                (System.nanoTime() - t) / 1e9, set.dataset().train().count(), set.heldOut().count()));
        Checkpoint current = Checkpoint.fromBytes(v1, gemm);
        TimeGanConfig config = training.timeGan(warm, training.seed() + 2);
        t = System.nanoTime();
        TrainingJob.Result r = new TrainingJob(clock, gemm, "harness").run(set.dataset(), config, current.model(),
                new Provenance("timegan-pooled", 2, training.features().wireName(), set.window()), null, p -> { });
        out.append(String.format(Locale.ROOT, "  warm training: %.2f s%n", (System.nanoTime() - t) / 1e9));
        for (PhaseReport p : r.report().phases()) {
            out.append(String.format(Locale.ROOT, "    %-12s %5d it  %.2f s  median %.2f ms/it%n", p.phase(),
                    p.iterations(), p.seconds(), p.msPerIterationMedian()));
        }
        QualityScorer scorer = new QualityScorer(gate, training.seed());
        t = System.nanoTime();
        scorer.score(r.checkpoint().model(), set.dataset().scaler(), set.heldOut(), gemm);
        out.append(String.format(Locale.ROOT, "  gate, candidate: %.2f s%n", (System.nanoTime() - t) / 1e9));
        t = System.nanoTime();
        scorer.score(current.model(), current.scaler(), set.heldOut(), gemm);
        out.append(String.format(Locale.ROOT, "  gate, current: %.2f s%n", (System.nanoTime() - t) / 1e9));
        t = System.nanoTime();
        byte[] bytes = new Checkpoint(r.checkpoint().model(), set.dataset().scaler(), r.checkpoint().metadata(),
                set.dataset().provenance(), false).toBytes();
        out.append(String.format(Locale.ROOT, "  encode: %.3f s (%d bytes)%n", (System.nanoTime() - t) / 1e9,
                bytes.length));
        System.out.print(out);
    }

    private static String describe(TrainingOutcome o) {
        if (o instanceof TrainingOutcome.Accepted a) {
            return String.format(Locale.ROOT, "accepted v%d, disc %.3f pred %.3f, %d bytes",
                    a.metadata().modelVersion(), a.metadata().scores().discriminative(),
                    a.metadata().scores().predictive(), a.checkpoint().length);
        }
        if (o instanceof TrainingOutcome.Rejected rj) {
            return String.format(Locale.ROOT, "rejected, disc %.3f pred %.3f vs current %.3f %.3f",
                    rj.candidate().discriminative(), rj.candidate().predictive(), rj.current().discriminative(),
                    rj.current().predictive());
        }
        return o.toString();
    }

    private static TrainingRequest request(Clock clock, long seed) {
        TreeMap<String, List<Bar>> bars = new TreeMap<>();
        bars.put("AAA", new ArrayList<>(Fixtures.walk("AAA", 400, 100, seed)));
        bars.put("BBB", new ArrayList<>(Fixtures.walk("BBB", 400, 1_000, seed + 100)));
        return new TrainingRequest("timegan-pooled", bars, TrainingRequest.Trigger.INTERVAL, clock.millis());
    }

    private static TrainingOutcome submitAndWait(RetrainService service, TrainingRequest request)
            throws InterruptedException {
        if (!service.submit(request)) {
            throw new IllegalStateException("refused");
        }
        while (true) {
            List<TrainingOutcome> drained = service.drain();
            if (!drained.isEmpty()) {
                return drained.get(0);
            }
            Thread.sleep(Duration.ofMillis(20).toMillis());
        }
    }
}
