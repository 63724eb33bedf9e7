package io.tickforge.timegan.train;

import io.tickforge.timegan.model.Phase;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.quality.QualityConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingJobTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final TimeGanConfig CONFIG = new TimeGanConfig(3, 4, 2, 6, 16, 1.0, 0.15,
            AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, 4, 11);

    private static TrainingJob job() {
        return new TrainingJob(CLOCK, Gemm.openBlas(), "test");
    }

    private static Dataset sines() throws Exception {
        return Dataset.load("sine:200x6x3", List.of(), 6, 0.2, 5);
    }

    @Test
    void shouldWriteByteIdenticalModelsWhenRunTwiceWithTheSameSeed() throws Exception {
        byte[] a = job().run(sines(), CONFIG, "m", null, p -> { }).checkpoint().toBytes();
        byte[] b = job().run(sines(), CONFIG, "m", null, p -> { }).checkpoint().toBytes();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldReportEveryPhaseWithTimingsAndHeldOutLosses() throws Exception {
        List<Phase> seen = new ArrayList<>();

        TrainingReport report = job().run(sines(), CONFIG, "m", null, p -> seen.add(p.phase())).report();

        assertThat(seen).hasSize(12);
        assertThat(report.phases()).extracting(PhaseReport::phase).containsExactly(Phase.values());
        assertThat(report.phases()).allSatisfy(p -> {
            assertThat(p.iterations()).isEqualTo(4);
            assertThat(p.msPerIterationMedian()).isPositive();
            assertThat(p.finalLoss()).isFinite();
            assertThat(p.validationReconstruction()).isFinite();
        });
        assertThat(report.validationWindows()).isEqualTo(40);
        assertThat(report.discriminative()).isNaN();
    }

    @Test
    void shouldStoreQualityScoresInTheCheckpointWhenScoring() throws Exception {
        QualityConfig quick = QualityConfig.paper().withBudget(20, 20, 2);

        TrainingJob.Result result = job().run(sines(), CONFIG, "m", quick, p -> { });

        assertThat(result.checkpoint().metadata().scores().discriminative()).isBetween(0.0, 0.5);
        assertThat(result.checkpoint().metadata().scores().predictive()).isPositive();
        assertThat(result.report().discriminative()).isEqualTo(result.checkpoint().metadata().scores().discriminative());
    }

    @Test
    void shouldHoldOutTheMostRecentRowsOfACsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i).append(',').append(100 - i).append('\n');
        }
        Files.writeString(csv, sb.toString());

        Dataset d = Dataset.load(csv.toString(), List.of(), 6, 0.2, 1);

        assertThat(d.provenance().rows()).isEqualTo(80);
        assertThat(d.scaler().maxs()[0]).isEqualTo(79.0);
        assertThat(d.validation().count()).isEqualTo(20 - 6 + 1);
        assertThat(d.featureNames()).containsExactly("a", "b");
    }

    @Test
    void shouldNameTheMismatchWhenTheConfigDoesNotFitTheData() throws Exception {
        TimeGanConfig wrong = TimeGanConfig.reference(5);

        assertThatThrownBy(() -> job().run(sines(), wrong, "m", null, p -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features 3");
    }
}
