package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GradCheck;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.nn.RecurrentNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class TimeGanTest {

    private static final int D = 3;
    private static final int T = 4;
    private static final int B = 3;
    /**
     * Larger than the layer checks' step, with Richardson extrapolation against truncation: the composite losses
     * reach tens and their float rounding noise is absolute (measured about 1e-6), which swamps small gradients at
     * small steps.
     */
    private static final float MODEL_EPS = 1e-1f;

    private static TimeGanConfig tiny() {
        return new TimeGanConfig(D, 4, 2, T, B, 1.0, 0.15, AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL);
    }

    private static float[] batch(long seed) {
        return GradCheck.uniform(T * B * D, 0, 1, new SplittableRandom(seed));
    }

    /**
     * Checks every parameter of the given nets against central differences of the loss. Each net's floor is 2% of
     * its largest analytic entry: entries fifty times smaller than a net's largest are held to an absolute error of
     * {@code 2e-4 * max}, twice the float rounding noise measured on the generator's numerical derivatives (about
     * {@code 1e-4 * max}: the loss reaches tens while the generator's gradients are small). At least an eighth of
     * each net's entries (the generator's gradients are heavy-tailed: 18% of them are within fifty times of its
     * largest) must be above its floor, so the check cannot pass on vanishing gradients.
     */
    private static void checkNets(String what, List<RecurrentNet> nets, Runnable computeGradients,
            DoubleSupplier loss) {
        checkNets(what, nets, computeGradients, loss, MODEL_EPS, 2e-2, 1.0 / 8);
    }

    /**
     * As above with step {@code eps}, each net's floor at {@code floorFraction} of its largest analytic entry and at
     * least {@code minSignificant} of each net's entries above it.
     */
    private static void checkNets(String what, List<RecurrentNet> nets, Runnable computeGradients,
            DoubleSupplier loss, float eps, double floorFraction, double minSignificant) {
        computeGradients.run();
        List<float[]> analytic = new ArrayList<>();
        double[] maxAbs = new double[nets.size()];
        for (int k = 0; k < nets.size(); k++) {
            for (Param p : nets.get(k).params()) {
                float[] g = p.grad().clone();
                analytic.add(g);
                for (float v : g) {
                    maxAbs[k] = Math.max(maxAbs[k], Math.abs(v));
                }
            }
        }
        int i = 0;
        for (int k = 0; k < nets.size(); k++) {
            RecurrentNet net = nets.get(k);
            assertThat(maxAbs[k]).as(what + " " + net.name() + " has a gradient").isGreaterThan(0);
            int significant = 0;
            int total = 0;
            for (Param p : net.params()) {
                GradCheck.Result r = GradCheck.check(what + " " + p.name(), p.value(), analytic.get(i++), loss,
                        eps, GradCheck.REL_TOL, floorFraction * maxAbs[k], true);
                assertThat(r.failures()).as(r.toString()).isEmpty();
                significant += r.significant();
                total += r.checked();
            }
            assertThat(significant).as(what + " " + net.name() + " significant entries")
                    .isGreaterThanOrEqualTo((int) Math.ceil(total * minSignificant));
        }
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheAutoencoderLoss() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(71), Gemm.plainJava());
        float[] x = batch(72);
        checkNets("E0", List.of(gan.embedder(), gan.recovery()), () -> gan.autoencoderGradients(x),
                () -> 10 * Math.sqrt(gan.autoencoderGradients(x)));
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheSupervisedLoss() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(73), Gemm.plainJava());
        float[] x = batch(74);
        checkNets("G_S", List.of(gan.supervisor()), () -> gan.supervisedGradients(x),
                () -> gan.supervisedGradients(x));
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheGeneratorLossThroughChainedNets() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(75), Gemm.plainJava());
        float[] x = batch(76);
        float[] z = batch(77);
        checkNets("G", List.of(gan.generator(), gan.supervisor()), () -> gan.generatorGradients(x, z),
                () -> gan.generatorGradients(x, z).total());
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheEmbedderLoss() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(78), Gemm.plainJava());
        float[] x = batch(79);
        checkNets("E", List.of(gan.embedder(), gan.recovery()), () -> gan.embedderGradients(x),
                () -> gan.embedderGradients(x)[2]);
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheDiscriminatorLoss() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(80), Gemm.plainJava());
        float[] x = batch(81);
        float[] z = batch(82);
        checkNets("D", List.of(gan.discriminator()), () -> gan.discriminatorLoss(x, z, true),
                () -> gan.discriminatorLoss(x, z, false));
    }

    @Test
    void shouldLeaveTheGeneratorUnchangedWhenTakingASupervisedStep() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(83), Gemm.plainJava());
        float[] before = gan.generator().params().get(0).value().clone();
        float[] sBefore = gan.supervisor().params().get(0).value().clone();
        gan.supervisedStep(batch(84));
        assertThat(gan.generator().params().get(0).value()).containsExactly(before);
        assertThat(gan.supervisor().params().get(0).value()).isNotEqualTo(sBefore);
    }

    @Test
    void shouldSkipTheDiscriminatorUpdateWhenItsLossIsBelowTheThreshold() {
        TimeGanConfig high = new TimeGanConfig(D, 4, 2, T, B, 1.0, 1e9, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL);
        TimeGan gan = new TimeGan(high, new SplittableRandom(85), Gemm.plainJava());
        float[] before = gan.discriminator().params().get(0).value().clone();
        DiscriminatorStep step = gan.discriminatorStep(batch(86), batch(87));
        assertThat(step.updated()).isFalse();
        assertThat(gan.discriminator().params().get(0).value()).containsExactly(before);
    }

    @Test
    void shouldUpdateTheDiscriminatorWhenItsLossIsAboveTheThreshold() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(88), Gemm.plainJava());
        float[] before = gan.discriminator().params().get(0).value().clone();
        DiscriminatorStep step = gan.discriminatorStep(batch(89), batch(90));
        // an untrained D sits near log 2 per term, far above 0.15
        assertThat(step.loss()).isGreaterThan(1.0);
        assertThat(step.updated()).isTrue();
        assertThat(gan.discriminator().params().get(0).value()).isNotEqualTo(before);
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheGeneratorLossThroughChainedLstmNets() {
        TimeGan gan = new TimeGan(tiny().withCell(RecurrentCell.LSTM), new SplittableRandom(175), Gemm.plainJava());
        float[] x = batch(176);
        float[] z = batch(177);
        // the generator's gradient reaches it through three LSTM nets: its bottom layer's entries are about 5e-5 on a
        // loss of 42, whose float rounding (about 4e-6) makes numerical derivatives at the usual step scatter by 30%
        // (measured: 3.5e-5 to 6.4e-5 for an entry whose analytic value is 5.28e-5, against 5.22e-5 and 5.33e-5 at
        // steps 0.4 and 0.2); so a step of 0.2 with Richardson (0.4 is truncation-bound on the larger entries), and
        // entries below 5% of the net's largest held to an absolute 5e-4 of it. The generator's largest entry is its
        // head bias, which leaves hardly any body entry above that floor; instead every input kernel and bias of the
        // body must have entries ten times the absolute tolerance, so a missing or badly wrong gradient fails. The
        // recurrent kernels' entries here (T = 4) are within twice the tolerance: LstmStackTest checks them exactly.
        checkNets("LSTM G", List.of(gan.generator(), gan.supervisor()), () -> gan.generatorGradients(x, z),
                () -> gan.generatorGradients(x, z).total(), 0.2f, 5e-2, 0);
        gan.generatorGradients(x, z);
        double max = gan.generator().params().stream().flatMapToDouble(p -> {
            double[] g = new double[p.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.abs(p.grad()[i]);
            }
            return java.util.Arrays.stream(g);
        }).max().orElseThrow();
        double tolerance = GradCheck.REL_TOL * 5e-2 * max;
        for (Param p : gan.generator().body().params()) {
            if (p.name().endsWith(".U")) {
                continue;
            }
            float largest = 0;
            for (float g : p.grad()) {
                largest = Math.max(largest, Math.abs(g));
            }
            assertThat((double) largest).as(p.name() + " largest gradient entry").isGreaterThan(10 * tolerance);
        }
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheLstmEmbedderAndDiscriminatorLosses() {
        TimeGan gan = new TimeGan(tiny().withCell(RecurrentCell.LSTM), new SplittableRandom(178), Gemm.plainJava());
        float[] x = batch(179);
        float[] z = batch(180);
        checkNets("LSTM E", List.of(gan.embedder(), gan.recovery()), () -> gan.embedderGradients(x),
                () -> gan.embedderGradients(x)[2]);
        checkNets("LSTM D", List.of(gan.discriminator()), () -> gan.discriminatorLoss(x, z, true),
                () -> gan.discriminatorLoss(x, z, false));
    }

    @Test
    void shouldTrainLstmNetsReproduciblyWhenSeedIsTheSame() {
        double[] lstm = run(191, Gemm.openBlas(), RecurrentCell.LSTM);
        assertThat(lstm).containsExactly(run(191, Gemm.openBlas(), RecurrentCell.LSTM));
        assertThat(java.util.Arrays.stream(lstm).allMatch(Double::isFinite)).as("all finite").isTrue();
        assertThat(lstm).isNotEqualTo(run(191, Gemm.openBlas(), RecurrentCell.GRU));
        TimeGan gan = new TimeGan(tiny().withCell(RecurrentCell.LSTM), new SplittableRandom(192), Gemm.plainJava());
        assertThat(gan.generator().params().get(0).name()).isEqualTo("generator.lstm.0.W");
    }

    private static double[] run(long seed, Gemm gemm) {
        return run(seed, gemm, RecurrentCell.GRU);
    }

    private static double[] run(long seed, Gemm gemm, RecurrentCell cell) {
        TimeGanConfig config = tiny().withCell(cell);
        TimeGan gan = new TimeGan(config, new SplittableRandom(seed), gemm);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        BatchSource source = new BatchSource(GradCheck.uniform(20 * T * D, 0, 1, rng), T, D, B);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            source.nextBatch(rng);
            out.add(gan.autoencoderStep(source.xBuffer()));
            source.nextBatch(rng);
            out.add(gan.supervisedStep(source.xBuffer()));
        }
        for (int i = 0; i < 2; i++) {
            JointLosses j = gan.jointIteration(source, rng);
            out.add(j.generator().total());
            out.add(j.reconstruction());
            out.add(j.discriminator().loss());
        }
        for (float v : gan.generate(source.zBuffer())) {
            out.add((double) v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void shouldReproduceEveryLossAndSampleBitForBitWhenSeedIsTheSame() {
        assertThat(run(91, Gemm.plainJava())).containsExactly(run(91, Gemm.plainJava()));
        assertThat(run(91, Gemm.nd4j())).containsExactly(run(91, Gemm.nd4j()));
        assertThat(run(91, Gemm.openBlas())).containsExactly(run(91, Gemm.openBlas()));
        assertThat(run(91, Gemm.plainJava())).isNotEqualTo(run(92, Gemm.plainJava()));
    }

    @Test
    void shouldReduceReconstructionErrorWhenTrainingTheAutoencoder() {
        TimeGanConfig config = new TimeGanConfig(D, 8, 2, 6, 16, 1.0, 0.15,
                new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0, 0), GruInit.GLOROT_ORTHOGONAL);
        TimeGan gan = new TimeGan(config, new SplittableRandom(93), Gemm.plainJava());
        // smooth sines, as in the paper's synthetic benchmark
        SplittableRandom rng = new SplittableRandom(94);
        int n = 64;
        float[] windows = new float[n * 6 * D];
        for (int w = 0; w < n; w++) {
            for (int f = 0; f < D; f++) {
                double freq = rng.nextDouble(0, 0.1);
                double phase = rng.nextDouble(0, 0.1);
                for (int t = 0; t < 6; t++) {
                    windows[(w * 6 + t) * D + f] = (float) ((Math.sin(freq * t + phase) + 1) / 2);
                }
            }
        }
        BatchSource source = new BatchSource(windows, 6, D, 16);
        source.nextBatch(rng);
        double first = gan.autoencoderStep(source.xBuffer());
        double last = first;
        for (int i = 0; i < 300; i++) {
            source.nextBatch(rng);
            last = gan.autoencoderStep(source.xBuffer());
        }
        assertThat(last).isLessThan(first / 10);
    }

    @Test
    void shouldRunThePhasesInOrderAndKeepLossesFiniteWhenTraining() {
        TimeGanConfig config = new TimeGanConfig(D, 6, 2, 6, 8, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL);
        TimeGan gan = new TimeGan(config, new SplittableRandom(96), Gemm.openBlas());
        SplittableRandom rng = new SplittableRandom(97);
        BatchSource source = new BatchSource(GradCheck.uniform(40 * 6 * D, 0, 1, rng), 6, D, 8);
        List<TrainingProgress> seen = new ArrayList<>();
        gan.train(source, rng, 20, seen::add);
        assertThat(seen).hasSize(60);
        assertThat(seen).extracting(TrainingProgress::phase).containsSubsequence(Phase.AUTOENCODER,
                Phase.SUPERVISED, Phase.JOINT);
        for (int i = 0; i < 60; i++) {
            TrainingProgress p = seen.get(i);
            assertThat(p.phase()).isEqualTo(Phase.values()[i / 20]);
            assertThat(p.iteration()).isEqualTo(i % 20);
            assertThat(p.loss()).isFinite();
            assertThat(p.joint() == null).isEqualTo(p.phase() != Phase.JOINT);
        }
        assertThat(gan.optimisers()).extracting(o -> o.steps()).containsExactly(20L, 40L, seen.stream()
                .filter(p -> p.joint() != null && p.joint().discriminator().updated()).count(), 40L, 20L);
    }

    @Test
    void shouldNameTheFieldWhenABatchHasTheWrongLength() {
        TimeGan gan = new TimeGan(tiny(), new SplittableRandom(95), Gemm.plainJava());
        assertThatThrownBy(() -> gan.generatorStep(new float[5], batch(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x").hasMessageContaining("5");
    }

    @Test
    void shouldRejectASingleLayerWhenTheSupervisorWouldBeEmpty() {
        assertThatThrownBy(() -> new TimeGanConfig(D, 4, 1, T, B, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL)).hasMessageContaining("layers").hasMessageContaining("1");
    }
}
