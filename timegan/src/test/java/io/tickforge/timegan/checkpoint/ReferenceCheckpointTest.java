package io.tickforge.timegan.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.nn.Gemm;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Loads the format-version-1 file committed in the test resources (written once by
 * {@link ReferenceCheckpointWriter}) and checks it against values recorded when it was written, so that a change to
 * the format or to the forward pass that breaks existing files fails here.
 */
class ReferenceCheckpointTest {

    static final String RESOURCE = "reference-v1.tgan";

    private static byte[] resource() throws IOException {
        try (InputStream in = ReferenceCheckpointTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("test resource " + RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Checkpoint reference() throws IOException {
        return Checkpoint.fromBytes(resource(), Gemm.plainJava());
    }

    @Test
    void shouldReadTheRecordedMetadataWhenLoadingTheReferenceCheckpoint() throws IOException {
        ModelMetadata m = reference().metadata();
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.modelName()).isEqualTo("timegan-sine");
        assertThat(m.tickforgeVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(m.featureNames()).containsExactly("a", "b", "c");
        assertThat(m.featureTransform()).isEqualTo("levels");
        assertThat(m.seed()).isEqualTo(42);
        assertThat(m.hyperparameters()).isEqualTo(new ModelMetadata.Hyperparameters(6, 4, 2, 8, 3,
                ModelMetadata.Cell.GRU, 0.001, 1.0));
        assertThat(m.scores()).isEqualTo(new ModelMetadata.Scores(0.25, null, null, null));
    }

    @Test
    void shouldReadTheScalerProvenanceAndOptimiserStateWhenLoadingTheReferenceCheckpoint() throws IOException {
        Checkpoint c = reference();
        assertThat(c.scaler()).isEqualTo(MinMaxScaler.of(new double[] {0, 10, -1}, new double[] {1, 20, 1}));
        assertThat(c.trainingData()).isEqualTo(new TrainingData("sine:64x6x3", 0, 384));
        assertThat(c.hasOptimiserState()).isTrue();
        assertThat(c.model().optimisers()).extracting(adam -> adam.steps()).containsExactly(3L, 6L, 3L, 6L, 3L);
    }

    @Test
    void shouldGenerateTheRecordedSampleWhenLoadingTheReferenceCheckpoint() throws IOException {
        Checkpoint c = reference();
        SplittableRandom rng = new SplittableRandom(11);
        float[] z = new float[6 * 8 * 3];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextFloat();
        }
        float[] x = c.model().generate(z);
        assertThat(Arrays.copyOf(x, 6)).containsExactly(new float[] {0.48867512f, 0.4892443f, 0.5154899f,
            0.48867124f, 0.48924467f, 0.51549196f}, within(1e-6f));
        double[] raw = c.scaler().inverse(Arrays.copyOf(x, 3));
        assertThat(raw).containsExactly(new double[] {0.488675, 14.892443, 0.030980}, within(1e-5));
    }

    @Test
    void shouldWriteTheSameBytesWhenTheReferenceCheckpointIsSavedAgain() throws IOException {
        assertThat(reference().toBytes()).isEqualTo(resource());
    }

    @Test
    void shouldNameEveryNetInTheWeightsWhenLoadingTheReferenceCheckpoint() throws IOException {
        List<String> nets = CheckpointFormat.weights(reference().model()).stream()
                .map(p -> p.name().substring(0, p.name().indexOf('.'))).distinct().toList();
        assertThat(nets).containsExactly("embedder", "recovery", "generator", "supervisor", "discriminator");
    }
}
