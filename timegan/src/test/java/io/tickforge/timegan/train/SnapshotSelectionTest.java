package io.tickforge.timegan.train;

import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.quality.SequenceSet;
import io.tickforge.timegan.train.SelectionReport.Check;
import io.tickforge.timegan.train.SelectionReport.Weights;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotSelectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final TimeGanConfig CONFIG = new TimeGanConfig(3, 4, 2, 6, 16, 1.0, 0.15,
            AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, 8, 11);
    private static final SelectionConfig QUICK =
            new SelectionConfig(3, 20, 1, 2, 2, 5, SelectionConfig.Against.VALIDATION);

    private static TrainingJob job(SelectionConfig selection) {
        return new TrainingJob(CLOCK, Gemm.openBlas(), "test").withSelection(selection);
    }

    private static Dataset sines(double validation) throws Exception {
        return Dataset.load("sine:200x6x3", List.of(), 6, validation, 5);
    }

    private static float[][] discriminatorWeights(TimeGan model) {
        return model.discriminator().params().stream().map(Param::value).toArray(float[][]::new);
    }

    @Test
    void shouldTakeTheSameTrainingStepsWhenSelecting() throws Exception {
        TimeGanConfig averaged = CONFIG.withEmaDecay(0.9);

        TimeGan plain = job(null).run(sines(0.2), averaged, "m", null, p -> { }).checkpoint().model();
        TimeGan selected = job(QUICK).run(sines(0.2), averaged, "m", null, p -> { }).checkpoint().model();

        assertThat(discriminatorWeights(selected)).isDeepEqualTo(discriminatorWeights(plain));
        assertThat(selected.lastIterateGenerativeWeights()).isDeepEqualTo(plain.lastIterateGenerativeWeights());
    }

    @Test
    void shouldScoreTheIterateAndTheAverageAtEveryCheckAndAfterTheLastIteration() throws Exception {
        SelectionReport report = job(QUICK).run(sines(0.2), CONFIG.withEmaDecay(0.9), "m", null, p -> { })
                .report().selection();

        assertThat(report.checks()).extracting(Check::iteration, Check::weights).containsExactly(
                tuple(3, Weights.ITERATE), tuple(3, Weights.AVERAGE),
                tuple(6, Weights.ITERATE), tuple(6, Weights.AVERAGE),
                tuple(8, Weights.AVERAGE), tuple(8, Weights.ITERATE));
    }

    @Test
    void shouldScoreOnlyTheIterateWhenNoAverageIsKept() throws Exception {
        SelectionReport report = job(QUICK).run(sines(0.2), CONFIG, "m", null, p -> { }).report().selection();

        assertThat(report.checks()).extracting(Check::iteration).containsExactly(3, 6, 8);
        assertThat(report.checks()).extracting(Check::weights).containsOnly(Weights.ITERATE);
    }

    @Test
    void shouldChooseTheBestRescoredFinalist() throws Exception {
        SelectionReport report = job(QUICK).run(sines(0.2), CONFIG, "m", null, p -> { }).report().selection();

        assertThat(report.finalists()).hasSize(2);
        assertThat(report.finalists()).extracting(Check::discriminative).isSorted();
        assertThat(report.chosen()).isEqualTo(report.finalists().get(0));
    }

    @Test
    void shouldCompareWithHeldOutWindowsWhenTheDataHasThem() throws Exception {
        SelectionReport report = job(QUICK).run(sines(0.2), CONFIG, "m", null, p -> { }).report().selection();

        assertThat(report.reference()).isEqualTo("validation");
        assertThat(report.referenceWindows()).isEqualTo(20);
    }

    @Test
    void shouldCompareWithTrainingWindowsWhenNoneAreHeldOut() throws Exception {
        SelectionReport report = job(QUICK).run(sines(0), CONFIG, "m", null, p -> { }).report().selection();

        assertThat(report.reference()).isEqualTo("training");
    }

    @Test
    void shouldSelectAByteIdenticalModelWhenRunTwiceWithTheSameSeed() throws Exception {
        byte[] a = job(QUICK).run(sines(0.2), CONFIG.withEmaDecay(0.9), "m", null, p -> { }).checkpoint().toBytes();
        byte[] b = job(QUICK).run(sines(0.2), CONFIG.withEmaDecay(0.9), "m", null, p -> { }).checkpoint().toBytes();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldReportNoSelectionWhenNotAsked() throws Exception {
        TrainingReport report = job(null).run(sines(0.2), CONFIG, "m", null, p -> { }).report();

        assertThat(report.selection()).isNull();
    }

    @Test
    void shouldGiveTheModelTheWeightsOfTheChosenSnapshot() throws Exception {
        Dataset data = sines(0.2);
        TimeGan model = new TimeGan(CONFIG, Gemm.openBlas());
        SnapshotSelector selector = new SnapshotSelector(model, QUICK.withAgainst(SelectionConfig.Against.TRAINING),
                SnapshotSelector.referenceOf(data.train().values(), data.train().count(), 6, 3, QUICK), "training",
                MinMaxScaler.unit(3), data.featureNames(), Gemm.openBlas(), 1);
        // three different models: the initial weights, then each scaled down (a generator that varies less)
        Map<Integer, float[][]> snapshots = new HashMap<>();
        for (int iteration = 1; iteration <= 3; iteration++) {
            snapshots.put(iteration, model.generativeWeights());
            selector.check(iteration);
            float[][] next = model.generativeWeights();
            for (float[] w : next) {
                for (int i = 0; i < w.length; i++) {
                    w[i] *= 0.5f;
                }
            }
            model.setGenerativeWeights(next);
        }

        SelectionReport report = selector.finish();

        assertThat(model.generativeWeights()).isDeepEqualTo(snapshots.get(report.chosen().iteration()));
    }

    @Test
    void shouldKeepAtMostTheConfiguredFinalists() {
        TimeGan model = new TimeGan(CONFIG, Gemm.openBlas());
        float[] values = new float[40 * 6 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) / 7f;
        }
        SequenceSet reference = SnapshotSelector.referenceOf(values, 40, 6, 3, QUICK);
        SnapshotSelector selector = new SnapshotSelector(model, QUICK, reference, "training", MinMaxScaler.unit(3),
                List.of("a", "b", "c"), Gemm.openBlas(), 1);
        for (int iteration = 1; iteration <= 5; iteration++) {
            selector.check(iteration);
        }

        SelectionReport report = selector.finish();

        assertThat(report.checks()).hasSize(5);
        assertThat(report.finalists()).hasSize(QUICK.finalists());
        assertThat(report.referenceWindows()).isEqualTo(20);
    }
}
