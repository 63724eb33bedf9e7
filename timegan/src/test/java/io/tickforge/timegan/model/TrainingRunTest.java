package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GradCheck;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    private static final int D = 3;
    private static final int T = 5;
    private static final int B = 4;

    private static TimeGanConfig config() {
        return new TimeGanConfig(D, 4, 2, T, B, 1.0, 0.15, AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL)
                .withSeed(5).withIterationsPerPhase(3);
    }

    private static float[] windows(int n, long seed) {
        return GradCheck.uniform(n * T * D, 0, 1, new SplittableRandom(seed));
    }

    private static List<float[]> weights(TimeGan gan) {
        List<float[]> out = new ArrayList<>();
        for (RecurrentNet net : List.of(gan.embedder(), gan.recovery(), gan.generator(), gan.supervisor(),
                gan.discriminator())) {
            net.params().forEach(p -> out.add(p.value().clone()));
        }
        return out;
    }

    private static List<float[]> gradientsAndMoments(TimeGan gan) {
        List<float[]> out = new ArrayList<>();
        for (RecurrentNet net : List.of(gan.embedder(), gan.recovery(), gan.generator(), gan.supervisor(),
                gan.discriminator())) {
            net.params().forEach(p -> out.add(p.grad().clone()));
        }
        gan.optimisers().forEach(o -> {
            for (int i = 0; i < o.params().size(); i++) {
                out.add(o.firstMoment(i).clone());
                out.add(o.secondMoment(i).clone());
            }
        });
        return out;
    }

    @Test
    void shouldChangeNoWeightGradientOrOptimiserStateWhenEvaluating() {
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        SplittableRandom rng = new SplittableRandom(1);
        BatchSource source = new BatchSource(windows(20, 2), T, D, B);
        new TrainingRun(gan, source, rng).run(2, p -> { });
        List<float[]> w = weights(gan);
        List<float[]> state = gradientsAndMoments(gan);
        List<Long> steps = gan.optimisers().stream().map(o -> o.steps()).toList();
        source.nextBatch(rng);
        source.nextNoise(rng);
        ValidationLosses v = gan.evaluate(source.xBuffer(), source.zBuffer(), true);
        assertThat(v.adversarial()).isNotNull();
        assertThat(v.reconstruction()).isPositive();
        assertThat(weights(gan)).containsExactlyElementsOf(w);
        assertThat(gradientsAndMoments(gan)).containsExactlyElementsOf(state);
        assertThat(gan.optimisers().stream().map(o -> o.steps()).toList()).isEqualTo(steps);
    }

    @Test
    void shouldTakeTheSameTrainingStepsWhenValidationIsOn() {
        TimeGan plain = new TimeGan(config(), Gemm.plainJava());
        TrainingRun.seeded(plain, new BatchSource(windows(20, 3), T, D, B), null, null).run(p -> { });
        TimeGan validated = new TimeGan(config(), Gemm.plainJava());
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingRun.seeded(validated, new BatchSource(windows(20, 3), T, D, B),
                new BatchSource(windows(8, 4), T, D, B), new ValidationConfig(1, 2)).run(seen::add);
        assertThat(seen).allMatch(p -> p.validation() != null);
        assertThat(weights(validated)).containsExactlyElementsOf(weights(plain));
    }

    @Test
    void shouldReportValidationLossesEveryIntervalAndAtTheEndOfEachPhase() {
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        List<TrainingProgress> seen = new ArrayList<>();
        new TrainingRun(gan, new BatchSource(windows(20, 5), T, D, B), new SplittableRandom(6),
                new BatchSource(windows(8, 7), T, D, B), new SplittableRandom(8), new ValidationConfig(2, 3))
                .run(5, seen::add);
        assertThat(seen).hasSize(15);
        for (TrainingProgress p : seen) {
            boolean expected = p.iteration() == 1 || p.iteration() == 3 || p.iteration() == 4;
            assertThat(p.validation() != null).as("%s %d", p.phase(), p.iteration()).isEqualTo(expected);
            if (p.validation() != null) {
                assertThat(p.validation().batches()).isEqualTo(3);
                assertThat(p.validation().reconstruction()).isFinite().isPositive();
                assertThat(p.validation().supervised()).isFinite().isPositive();
                assertThat(p.validation().adversarial() != null).isEqualTo(p.phase() == Phase.JOINT);
            }
        }
        TrainingProgress last = seen.get(14);
        assertThat(last.validation().adversarial().discriminator()).isFinite().isPositive();
        assertThat(last.validation().adversarial().generator().total()).isFinite().isPositive();
    }

    @Test
    void shouldNamePhaseAndIterationWhenTheDataHoldsNaN() {
        float[] data = windows(20, 9);
        data[7] = Float.NaN;
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        // every window is drawn sooner or later; B distinct of 20 windows per batch
        BatchSource all = new BatchSource(data, T, D, B);
        assertThatThrownBy(() -> new TrainingRun(gan, all, new SplittableRandom(10)).run(50, p -> { }))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("autoencoder phase, iteration \\d+: reconstruction loss E_T0 is NaN");
    }

    @Test
    void shouldStopTheJointPhaseAndKeepFiniteWeightsWhenALossTurnsNaN() {
        float[] data = windows(20, 11);
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        BatchSource source = new BatchSource(data, T, D, B);
        TrainingRun run = new TrainingRun(gan, source, new SplittableRandom(12));
        assertThatThrownBy(() -> run.run(3, p -> {
            if (p.phase() == Phase.JOINT && p.iteration() == 1) {
                java.util.Arrays.fill(data, Float.NaN); // the source reads its windows by reference
            }
        })).isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e).hasMessage("joint phase, iteration 2: generator loss is NaN");
            assertThat(e.phase()).isEqualTo(Phase.JOINT);
            assertThat(e.iteration()).isEqualTo(2);
        });
        for (float[] w : weights(gan)) {
            for (float v : w) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void shouldNameTheStepWhenALossDivergesOutsideARun() {
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        float[] x = windows(B, 13);
        x[0] = Float.NaN; // an infinite input would not do: the saturating activations clamp it
        assertThatThrownBy(() -> gan.supervisedStep(x)).isInstanceOf(TrainingDivergedException.class)
                .hasMessage("supervised phase: supervised loss G_S is NaN");
    }

    @Test
    void shouldBoundEveryOptimisersFirstMomentByTheClipNormWhenClipping() {
        double clip = 1e-3;
        for (double c : new double[] {0, clip}) {
            TimeGan gan = new TimeGan(config().withClipNorm(c), Gemm.plainJava());
            BatchSource source = new BatchSource(windows(20, 14), T, D, B);
            SplittableRandom rng = new SplittableRandom(15);
            source.nextBatch(rng);
            gan.autoencoderStep(source.xBuffer());
            source.nextBatch(rng);
            gan.supervisedStep(source.xBuffer());
            source.nextBatch(rng);
            source.nextNoise(rng);
            gan.generatorStep(source.xBuffer(), source.zBuffer());
            gan.embedderStep(source.xBuffer());
            assertThat(gan.discriminatorStep(source.xBuffer(), source.zBuffer()).updated()).isTrue();
            // after its first step an optimiser's first moment is (1 - beta1) times the (clipped) gradient
            for (var opt : gan.optimisers()) {
                assertThat(opt.steps()).isEqualTo(1);
                double sum = 0;
                for (int i = 0; i < opt.params().size(); i++) {
                    for (float m : opt.firstMoment(i)) {
                        sum += (double) m * m;
                    }
                }
                double gradNorm = Math.sqrt(sum) / 0.1;
                if (c > 0) {
                    assertThat(gradNorm).isLessThanOrEqualTo(clip * (1 + 1e-4));
                } else {
                    assertThat(gradNorm).isGreaterThan(10 * clip);
                }
            }
        }
    }

    @Test
    void shouldPassClipNormAndWeightDecayToAllFiveOptimisersWhenConfigured() {
        TimeGan gan = new TimeGan(config().withClipNorm(2.5).withWeightDecay(0.01), Gemm.plainJava());
        assertThat(gan.optimisers()).hasSize(5).allSatisfy(o -> {
            assertThat(o.config().clipNorm()).isEqualTo(2.5);
            assertThat(o.config().weightDecay()).isEqualTo(0.01);
        });
    }

    @Test
    void shouldDrawTheInitialWeightsFromTheConfiguredSeed() {
        TimeGan fromConfig = new TimeGan(config(), Gemm.plainJava());
        TimeGan explicit = new TimeGan(config(), new SplittableRandom(5), Gemm.plainJava());
        assertThat(weights(fromConfig)).containsExactlyElementsOf(weights(explicit));
        Param first = new TimeGan(config().withSeed(6), Gemm.plainJava()).embedder().params().get(0);
        assertThat(first.value()).isNotEqualTo(fromConfig.embedder().params().get(0).value());
    }

    @Test
    void shouldRejectTheTrainingRandomSourceWhenReusedForValidation() {
        TimeGan gan = new TimeGan(config(), Gemm.plainJava());
        SplittableRandom rng = new SplittableRandom(16);
        BatchSource s = new BatchSource(windows(20, 17), T, D, B);
        assertThatThrownBy(() -> new TrainingRun(gan, s, rng, s, rng, new ValidationConfig(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationRng");
    }

    @Test
    void shouldScaleEveryOptimiserByTheScheduleWhenInTheJointPhase() {
        TimeGan gan = new TimeGan(config().withJointLearningRate(new JointLearningRate(2.0, 0.5)), Gemm.plainJava());
        List<Double> scales = new ArrayList<>();
        TrainingRun.seeded(gan, new BatchSource(windows(20, 3), T, D, B), null, null).run(4, p -> {
            if (p.phase() == Phase.JOINT) {
                assertThat(gan.optimisers()).allSatisfy(o ->
                        assertThat(o.learningRateScale()).isEqualTo(gan.optimisers().get(0).learningRateScale()));
                scales.add(gan.optimisers().get(0).learningRateScale());
            } else {
                assertThat(gan.optimisers()).allSatisfy(o -> assertThat(o.learningRateScale()).isEqualTo(1.0));
            }
        });
        assertThat(scales).containsExactly(2.0, 2.0, 2.0, 1.0);
    }

    @Test
    void shouldRestoreTheConfiguredRateWhenTheRunEnds() {
        TimeGan gan = new TimeGan(config().withJointLearningRate(new JointLearningRate(3.0, 0.0)), Gemm.plainJava());
        TrainingRun.seeded(gan, new BatchSource(windows(20, 3), T, D, B), null, null).run(p -> { });
        assertThat(gan.optimisers()).allSatisfy(o -> assertThat(o.learningRateScale()).isEqualTo(1.0));
    }

    @Test
    void shouldTrainDifferentlyWhenTheJointRateIsScheduled() {
        TimeGan constant = new TimeGan(config(), Gemm.plainJava());
        TrainingRun.seeded(constant, new BatchSource(windows(20, 3), T, D, B), null, null).run(p -> { });
        TimeGan scheduled = new TimeGan(config().withJointLearningRate(new JointLearningRate(2.0, 1.0)),
                Gemm.plainJava());
        TrainingRun.seeded(scheduled, new BatchSource(windows(20, 3), T, D, B), null, null).run(p -> { });
        assertThat(weights(scheduled).get(0)).isNotEqualTo(weights(constant).get(0));
    }
}
