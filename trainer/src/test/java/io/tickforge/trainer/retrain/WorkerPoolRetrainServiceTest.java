package io.tickforge.trainer.retrain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.ModelMetadata.Scores;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.Phase;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TrainingDivergedException;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.sample.SampleSet;
import io.tickforge.timegan.sample.Sampler;
import io.tickforge.trainer.Fixtures;
import io.tickforge.trainer.gate.ModelScorer;
import io.tickforge.trainer.gate.QualityScorer;
import io.tickforge.trainer.metrics.TrainerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class WorkerPoolRetrainServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final ModelScorer EQUAL = (m, s, h, g) -> Scores.of(0.2, 0.1);
    private static final String MODEL = "timegan-pool";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(NOW.toEpochMilli());
    private final TrainerMetrics metrics = new TrainerMetrics(registry, clock);
    private final ModelCatalog catalog = new ModelCatalog();
    private final List<RetrainService> services = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closeServices() {
        release.countDown();
        services.forEach(RetrainService::close);
    }

    private WorkerPoolRetrainService service(TrainingConfig training, ModelScorer scorer) {
        return service(training, scorer, WorkerPoolRetrainService.jobTrainer(clock, "test"));
    }

    private WorkerPoolRetrainService service(TrainingConfig training, ModelScorer scorer, ModelTrainer trainer) {
        WorkerPoolRetrainService s = new WorkerPoolRetrainService(training, Fixtures.tinyGate(), clock,
                Gemm::openBlas, metrics, catalog, scorer, trainer);
        services.add(s);
        return s;
    }

    /** A trainer that signals {@link #started} and blocks until {@link #release}, then fails. */
    private ModelTrainer blocking() {
        return (data, config, initial, provenance, gemm, listener) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("released");
        };
    }

    private static TrainingOutcome await(RetrainService service) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            List<TrainingOutcome> drained = service.drain();
            if (!drained.isEmpty()) {
                assertThat(drained).hasSize(1);
                return drained.get(0);
            }
            sleep(5);
        }
        return fail("no outcome within 120 s");
    }

    private void awaitRunningGauge(double value) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (registry.get("tickforge.trainer.retrain.running").gauge().value() != value) {
            if (System.nanoTime() > end) {
                fail("running gauge never reached " + value);
            }
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static TimeGan decode(byte[] bytes) throws Exception {
        return Checkpoint.fromBytes(bytes, Gemm.plainJava()).model();
    }

    private static double maxDistance(TimeGan a, TimeGan b) {
        List<Param> pa = weights(a);
        List<Param> pb = weights(b);
        double max = 0;
        for (int i = 0; i < pa.size(); i++) {
            for (int j = 0; j < pa.get(i).size(); j++) {
                max = Math.max(max, Math.abs(pa.get(i).value()[j] - pb.get(i).value()[j]));
            }
        }
        return max;
    }

    private static List<Param> weights(TimeGan m) {
        List<Param> all = new ArrayList<>(m.embedder().params());
        all.addAll(m.recovery().params());
        all.addAll(m.generator().params());
        all.addAll(m.supervisor().params());
        all.addAll(m.discriminator().params());
        return all;
    }

    private TrainingOutcome.Accepted trainFirst(WorkerPoolRetrainService s) {
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        return (TrainingOutcome.Accepted) await(s);
    }

    @Test
    void shouldAcceptAColdFirstVersionWhenNoModelIsCurrent() {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(),
                new QualityScorer(Fixtures.tinyGate(), Fixtures.SEED));

        TrainingOutcome.Accepted accepted = trainFirst(s);

        ModelMetadata m = accepted.metadata();
        assertThat(accepted.warm()).isFalse();
        assertThat(m.modelVersion()).isEqualTo(1);
        assertThat(m.seed()).isEqualTo(Fixtures.SEED);
        assertThat(m.hyperparameters().iterationsPerPhase()).isEqualTo(3);
        assertThat(m.featureTransform()).isEqualTo("log-returns");
        assertThat(m.scores().discriminative()).isBetween(0.0, 0.5);
        assertThat(m.scores().predictive()).isPositive();
        assertThat(m.dataWindow().symbols()).containsExactly("A", "B");
        assertThat(m.createdAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(catalog.current(MODEL).orElseThrow().metadata()).isEqualTo(m);
    }

    @Test
    void shouldWarmStartTheNextVersionFromTheCurrentWeightsWhenAModelIsCurrent() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(), EQUAL);
        TrainingOutcome.Accepted first = trainFirst(s);

        assertThat(s.submit(Fixtures.request(MODEL, 80, 5))).isTrue();
        TrainingOutcome.Accepted second = (TrainingOutcome.Accepted) await(s);

        assertThat(second.warm()).isTrue();
        assertThat(second.metadata().modelVersion()).isEqualTo(2);
        assertThat(second.metadata().seed()).isEqualTo(Fixtures.SEED + 2);
        assertThat(second.metadata().hyperparameters().iterationsPerPhase()).isEqualTo(2);
        // two warm iterations per phase move a weight by a few Adam steps of 0.001; fresh weights are far away
        TimeGan v1 = decode(first.checkpoint());
        assertThat(maxDistance(decode(second.checkpoint()), v1)).isLessThan(0.02);
        TimeGan freshV2 = new TimeGan(Fixtures.tinyTraining().timeGan(2, Fixtures.SEED + 2), Gemm.plainJava());
        assertThat(maxDistance(freshV2, v1)).isGreaterThan(0.1);
        assertThat(catalog.current(MODEL).orElseThrow().metadata().modelVersion()).isEqualTo(2);
    }

    @Test
    void shouldTrainColdWhenTheCurrentModelHasAnotherWidth() throws Exception {
        catalog.offer(MODEL, Fixtures.checkpoint(MODEL, 4));
        TrainingConfig wider = new TrainingConfig(FeatureTransform.LOG_RETURNS, 6, 5, 2, 8, RecurrentCell.GRU, 3, 2,
                Fixtures.SEED, 1, Duration.ofMinutes(1));

        assertThat(service(wider, EQUAL).submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        TrainingOutcome.Accepted accepted = (TrainingOutcome.Accepted) await(services.get(0));

        assertThat(accepted.warm()).isFalse();
        assertThat(accepted.metadata().modelVersion()).isEqualTo(5);
        assertThat(accepted.metadata().hyperparameters().iterationsPerPhase()).isEqualTo(3);
        assertThat(accepted.metadata().hyperparameters().hidden()).isEqualTo(5);
    }

    @Test
    void shouldRejectWhenTheCandidateScoresWorseBeyondTheTolerance() {
        // the current model (version 1) was trained with the base seed; the candidate with seed + 2
        ModelScorer worseCandidate = (m, sc, h, g) -> m.config().seed() == Fixtures.SEED
                ? Scores.of(0.1, 0.1) : Scores.of(0.2, 0.1);
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(), worseCandidate);
        trainFirst(s);

        assertThat(s.submit(Fixtures.request(MODEL, 80, 5))).isTrue();
        TrainingOutcome outcome = await(s);

        assertThat(outcome).isInstanceOf(TrainingOutcome.Rejected.class);
        TrainingOutcome.Rejected rejected = (TrainingOutcome.Rejected) outcome;
        assertThat(rejected.candidate()).isEqualTo(Scores.of(0.2, 0.1));
        assertThat(rejected.current()).isEqualTo(Scores.of(0.1, 0.1));
        assertThat(catalog.current(MODEL).orElseThrow().metadata().modelVersion()).isEqualTo(1);
        assertThat(registry.get("tickforge.trainer.retrain.duration").tag("outcome", "rejected").timer().count())
                .isEqualTo(1);
    }

    @Test
    void shouldFailWithDeadlineAndCountItWhenATrainingOutlivesItsDeadline() {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 1_000_000), EQUAL);
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        awaitRunningGauge(1);

        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        TrainingOutcome outcome = await(s);

        assertThat(outcome).isInstanceOfSatisfying(TrainingOutcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(TrainingOutcome.Reason.DEADLINE);
            assertThat(f.message()).contains("training.deadline PT1M");
        });
        assertThat(registry.get("tickforge.trainer.retrain.failures").tag("reason", "deadline").counter().count())
                .isEqualTo(1);
        assertThat(s.isRunning(MODEL)).isFalse();
    }

    @Test
    void shouldRefuseASecondTrainingOfTheSameModelWhileOneRuns() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(2, 3), EQUAL, blocking());
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        started.await(60, TimeUnit.SECONDS);

        boolean again = s.submit(Fixtures.request(MODEL, 80, 2));

        assertThat(again).isFalse();
        assertThat(s.isRunning(MODEL)).isTrue();
        assertThat(s.submit(Fixtures.request("timegan-other", 80, 2))).isTrue();
    }

    @Test
    void shouldAcceptTheSameModelAgainWhenItsTrainingHasEnded() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 3), EQUAL, blocking());
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        started.await(60, TimeUnit.SECONDS);
        release.countDown();
        await(s);

        assertThat(s.isRunning(MODEL)).isFalse();
        assertThat(s.submit(Fixtures.request(MODEL, 80, 2))).isTrue();
    }

    @Test
    void shouldRefuseAnyModelWhenThePoolIsFull() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 3), EQUAL, blocking());
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        started.await(60, TimeUnit.SECONDS);

        boolean other = s.submit(Fixtures.request("timegan-other", 80, 2));

        assertThat(other).isFalse();
        assertThat(s.isRunning("timegan-other")).isFalse();
    }

    @Test
    void shouldGiveTheFreedWorkerToTheModelWaitingLongestWhenSeveralWereRefused() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 3), EQUAL, blocking());
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        started.await(60, TimeUnit.SECONDS);
        assertThat(s.submit(Fixtures.request("timegan-waited", 80, 2))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        release.countDown();
        await(s);

        boolean early = s.submit(Fixtures.request(MODEL, 80, 3));
        boolean waited = s.submit(Fixtures.request("timegan-waited", 80, 4));

        assertThat(early).isFalse();
        assertThat(waited).isTrue();
    }

    @Test
    void shouldLetAnotherModelTakeTheWorkerWhenTheWaitingOneStoppedAsking() throws Exception {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 3), EQUAL, blocking());
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        started.await(60, TimeUnit.SECONDS);
        assertThat(s.submit(Fixtures.request("timegan-gone", 80, 2))).isFalse();
        release.countDown();
        await(s);
        clock.advance(WorkerPoolRetrainService.WAITING_EXPIRY.plusSeconds(1));

        boolean other = s.submit(Fixtures.request(MODEL, 80, 3));

        assertThat(other).isTrue();
    }

    @Test
    void shouldFailWithDivergedWhenALossBecomesNaN() {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(), EQUAL,
                (data, config, initial, provenance, gemm, listener) -> {
                    throw new TrainingDivergedException(Phase.JOINT, 3, "generator loss", Double.NaN);
                });
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();

        TrainingOutcome outcome = await(s);

        assertThat(outcome).isInstanceOfSatisfying(TrainingOutcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(TrainingOutcome.Reason.DIVERGED);
            assertThat(f.message()).isEqualTo("joint phase, iteration 3: generator loss is NaN");
        });
        assertThat(registry.get("tickforge.trainer.retrain.failures").tag("reason", "diverged").counter().count())
                .isEqualTo(1);
        assertThat(catalog.current(MODEL)).isEmpty();
    }

    @Test
    void shouldFailWithDataWhenTooFewBarsAreGiven() {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(), EQUAL);
        assertThat(s.submit(Fixtures.request(MODEL, 30, 1))).isTrue();

        TrainingOutcome outcome = await(s);

        assertThat(outcome).isInstanceOfSatisfying(TrainingOutcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(TrainingOutcome.Reason.DATA);
            assertThat(f.message()).contains("training windows");
        });
        assertThat(registry.get("tickforge.trainer.retrain.failures").tag("reason", "data").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldWriteBitIdenticalCheckpointsWhenTheSameRequestIsTrainedTwice() {
        ModelScorer scorer = new QualityScorer(Fixtures.tinyGate(), Fixtures.SEED);
        byte[] a = ((TrainingOutcome.Accepted) runOnce(scorer)).checkpoint();
        byte[] b = ((TrainingOutcome.Accepted) runOnce(scorer)).checkpoint();

        assertThat(a).isEqualTo(b);
    }

    private TrainingOutcome runOnce(ModelScorer scorer) {
        WorkerPoolRetrainService s = new WorkerPoolRetrainService(Fixtures.tinyTraining(), Fixtures.tinyGate(),
                Clock.fixed(NOW, ZoneOffset.UTC), Gemm::openBlas, "test", metrics, new ModelCatalog(), scorer);
        services.add(s);
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        return await(s);
    }

    @Test
    void shouldPublishCheckpointsWithoutOptimiserState() throws Exception {
        TrainingOutcome.Accepted accepted = trainFirst(service(Fixtures.tinyTraining(), EQUAL));

        Checkpoint checkpoint = Checkpoint.fromBytes(accepted.checkpoint(), Gemm.plainJava());

        assertThat(checkpoint.hasOptimiserState()).isFalse();
        assertThat(checkpoint.metadata()).isEqualTo(accepted.metadata());
    }

    @Test
    void shouldSampleValidBarsWhenAnAcceptedModelIsInverted() throws Exception {
        TrainingOutcome.Accepted accepted = trainFirst(service(Fixtures.tinyTraining(), EQUAL));
        Checkpoint checkpoint = Checkpoint.fromBytes(accepted.checkpoint(), Gemm.plainJava());
        FeatureTransform transform = FeatureTransform.fromWireName(checkpoint.metadata().featureTransform());

        SampleSet samples = new Sampler(checkpoint.model(), checkpoint.scaler(), checkpoint.metadata().featureNames(),
                Gemm.plainJava()).streams(2, 50, 3);

        for (int s = 0; s < samples.sequences(); s++) {
            double[][] rows = new double[samples.steps()][5];
            for (int t = 0; t < samples.steps(); t++) {
                for (int f = 0; f < 5; f++) {
                    rows[t][f] = samples.value(s, t, f);
                }
            }
            List<Bar> bars = transform.inverse(rows, "SYN", Fixtures.T0, Fixtures.INTERVAL, 100);
            assertThat(bars).hasSize(50).allSatisfy(b -> assertThat(b.low()).isPositive());
        }
    }

    @Test
    void shouldRecordTheJointLossesWhenATrainingEnds() {
        trainFirst(service(Fixtures.tinyTraining(), EQUAL));

        for (String loss : List.of("reconstruction", "discriminator", "generator")) {
            assertThat(registry.get("tickforge.trainer.training.loss").tag("model", MODEL).tag("loss", loss).gauge()
                    .value()).as(loss).isFinite();
        }
        assertThat(registry.get("tickforge.trainer.retrain.running").gauge().value()).isZero();
        assertThat(registry.get("tickforge.trainer.model.version").tag("model", MODEL).gauge().value()).isEqualTo(1);
    }

    @Test
    void shouldCancelARunningTrainingWhenClosed() {
        WorkerPoolRetrainService s = service(Fixtures.tinyTraining(1, 1_000_000), EQUAL);
        assertThat(s.submit(Fixtures.request(MODEL, 80, 1))).isTrue();
        awaitRunningGauge(1);

        s.close();

        assertThat(s.drain()).singleElement().isInstanceOfSatisfying(TrainingOutcome.Failed.class,
                f -> assertThat(f.message()).contains("closing"));
        assertThat(s.submit(Fixtures.request("timegan-other", 80, 1))).isFalse();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
