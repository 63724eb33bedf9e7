package io.tickforge.timegan.train;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.nn.RecurrentCell;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmStartTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final TimeGanConfig CONFIG = new TimeGanConfig(3, 4, 2, 6, 8, 1.0, 0.15,
            AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, 3, 11);
    private static final long FROM = 1_700_000_000_000L;

    private static TrainingJob job() {
        return new TrainingJob(CLOCK, Gemm.openBlas(), "test");
    }

    private static Dataset sines() throws Exception {
        return Dataset.load("sine:64x6x3", List.of(), 6, 0.0, 5);
    }

    private static Provenance provenance(Dataset data, long version) {
        return new Provenance("timegan-SYN", version, "log-returns",
                new ModelMetadata.DataWindow(data.provenance().rows(), FROM, FROM + 60_000, List.of("SYN")));
    }

    private static TimeGan trained() throws Exception {
        Dataset data = sines();
        return job().run(data, CONFIG, null, provenance(data, 1), null, p -> { }).checkpoint().model();
    }

    private static List<Param> weights(TimeGan m) {
        List<Param> all = new ArrayList<>(m.embedder().params());
        all.addAll(m.recovery().params());
        all.addAll(m.generator().params());
        all.addAll(m.supervisor().params());
        all.addAll(m.discriminator().params());
        return all;
    }

    private static double maxDistance(TimeGan a, TimeGan b) {
        List<Param> pa = weights(a);
        List<Param> pb = weights(b);
        double max = 0;
        for (int i = 0; i < pa.size(); i++) {
            float[] va = pa.get(i).value();
            float[] vb = pb.get(i).value();
            for (int j = 0; j < va.length; j++) {
                max = Math.max(max, Math.abs(va[j] - vb[j]));
            }
        }
        return max;
    }

    @Test
    void shouldStartFromTheInitialWeightsWhenWarmStarted() throws Exception {
        TimeGan initial = trained();
        Dataset data = sines();
        TimeGanConfig retrain = CONFIG.withIterationsPerPhase(1).withSeed(99);

        TimeGan warm = job().run(data, retrain, initial, provenance(data, 2), null, p -> { }).checkpoint().model();
        TimeGan cold = job().run(data, retrain, null, provenance(data, 2), null, p -> { }).checkpoint().model();

        // a few Adam steps of lr 0.001 move a weight by at most a few thousandths; fresh weights are far away
        assertThat(maxDistance(warm, initial)).isLessThan(0.02);
        assertThat(maxDistance(cold, initial)).isGreaterThan(0.1);
    }

    @Test
    void shouldLeaveTheInitialModelUnchangedWhenWarmStarting() throws Exception {
        TimeGan initial = trained();
        TimeGan reference = trained();
        Dataset data = sines();

        job().run(data, CONFIG.withSeed(99), initial, provenance(data, 2), null, p -> { });

        assertThat(maxDistance(initial, reference)).isZero();
    }

    @Test
    void shouldGiveIdenticalBytesWhenAWarmStartIsRepeated() throws Exception {
        Dataset data = sines();
        TimeGanConfig retrain = CONFIG.withSeed(99);

        byte[] a = job().run(data, retrain, trained(), provenance(data, 2), null, p -> { }).checkpoint().toBytes();
        byte[] b = job().run(data, retrain, trained(), provenance(data, 2), null, p -> { }).checkpoint().toBytes();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldCarryTheCallersProvenanceInTheMetadata() throws Exception {
        Dataset data = sines();

        ModelMetadata m = job().run(data, CONFIG, null, provenance(data, 7), null, p -> { }).checkpoint().metadata();

        assertThat(m.modelName()).isEqualTo("timegan-SYN");
        assertThat(m.modelVersion()).isEqualTo(7);
        assertThat(m.featureTransform()).isEqualTo("log-returns");
        assertThat(m.dataWindow()).isEqualTo(new ModelMetadata.DataWindow(data.provenance().rows(), FROM,
                FROM + 60_000, List.of("SYN")));
        assertThat(m.createdAt()).isEqualTo(CLOCK.millis());
        assertThat(m.seed()).isEqualTo(CONFIG.seed());
    }

    @Test
    void shouldNameTheArchitectureWhenTheInitialModelDiffers() throws Exception {
        TimeGan initial = trained();
        Dataset data = sines();
        TimeGanConfig wider = new TimeGanConfig(3, 5, 2, 6, 8, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, 1, 11);

        assertThatThrownBy(() -> job().run(data, wider, initial, provenance(data, 2), null, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden 5")
                .hasMessageContaining("hidden 4");
    }

    @Test
    void shouldNameTheRowsWhenTheDataWindowDoesNotMatchTheDataset() throws Exception {
        Dataset data = sines();
        Provenance wrong = new Provenance("m", 1, "levels",
                new ModelMetadata.DataWindow(3, FROM, FROM, List.of()));

        assertThatThrownBy(() -> job().run(data, CONFIG, null, wrong, null, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provenance.dataWindow.rows")
                .hasMessageContaining("got 3");
    }

    @Test
    void shouldNameTheFieldWhenProvenanceIsInvalid() {
        ModelMetadata.DataWindow window = new ModelMetadata.DataWindow(1, FROM, FROM, List.of());

        assertThatThrownBy(() -> new Provenance("m", 0, "levels", window))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modelVersion")
                .hasMessageContaining("0");
    }
}
