package io.tickforge.producer.follow;

import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.testing.TestModels;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLoaderTest {

    private final ModelLoader loader = new ModelLoader(SynthConfig.defaults());

    private static ModelRejectedException rejected(ThrowingLoad load) {
        try {
            load.run();
        } catch (ModelRejectedException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a rejection, got " + e, e);
        }
        throw new AssertionError("expected a rejection, the model was accepted");
    }

    private interface ThrowingLoad {
        void run() throws Exception;
    }

    @Test
    void shouldServeAValidCheckpointWhenItsKeyIsItsName() throws Exception {
        ServedModel m = loader.load(TestModels.NAME, TestModels.spec().version(6).bytes());

        assertThat(m.name()).isEqualTo(TestModels.NAME);
        assertThat(m.version()).isEqualTo(6);
        assertThat(m.transform()).isEqualTo(FeatureTransform.LOG_RETURNS);
        assertThat(m.intervalMs()).isEqualTo(1000);
    }

    @Test
    void shouldRejectAsCorruptWhenTheBytesAreNotACheckpoint() {
        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME, new byte[] {1, 2, 3}));

        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT);
    }

    @Test
    void shouldRejectAsCorruptWhenAByteIsFlipped() {
        byte[] bytes = TestModels.spec().bytes();
        bytes[bytes.length - 10] ^= 0x55;

        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME, bytes));

        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT);
        assertThat(e.getMessage()).contains("SHA-256");
    }

    @Test
    void shouldRejectAsCorruptWhenTheFormatVersionIsUnknown() {
        byte[] bytes = TestModels.spec().bytes();
        bytes[4] = 99;

        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME, bytes));

        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT);
        assertThat(e.getMessage()).contains("99");
    }

    @Test
    void shouldRejectWhenTheFeatureTransformIsUnknown() {
        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME,
                TestModels.spec().transform("wavelets").bytes()));

        assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_TRANSFORM);
        assertThat(e.getMessage()).contains("wavelets");
    }

    @Test
    void shouldRejectAsIncompatibleWhenTheModelHasNoBarFeatures() {
        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME,
                TestModels.spec().transform("levels").features(3).bytes()));

        assertThat(e.reason()).isEqualTo(RejectReason.INCOMPATIBLE);
        assertThat(e.getMessage()).contains("3 features");
    }

    @Test
    void shouldRejectAsIncompatibleWhenTheGeneratorGivesNonFiniteValues() {
        Checkpoint c = TestModels.spec().checkpoint();
        Arrays.fill(c.model().generator().params().get(0).value(), Float.NaN);

        ModelRejectedException e = rejected(() -> loader.load(TestModels.NAME, c.toBytes()));

        assertThat(e.reason()).isEqualTo(RejectReason.INCOMPATIBLE);
        assertThat(e.getMessage()).contains("non-finite");
    }

    @Test
    void shouldRejectWhenTheKeyIsNotTheCheckpointsName() {
        ModelRejectedException e = rejected(() -> loader.load("timegan-OTHER", TestModels.spec().bytes()));

        assertThat(e.reason()).isEqualTo(RejectReason.NAME_MISMATCH);
    }

    @Test
    void shouldRejectAsIncompatibleWhenInstrumentNamesWouldNotBeValidSymbols() {
        ModelLoader longNames = new ModelLoader(SynthConfig.defaults().withNamePattern("{model}-{model}-{index}"));

        String name = "timegan-" + "X".repeat(30);

        ModelRejectedException e = rejected(() -> longNames.load(name, TestModels.spec().name(name).bytes()));

        assertThat(e.reason()).isEqualTo(RejectReason.INCOMPATIBLE);
    }

    @Test
    void shouldNameTheFileWhenAModelFileIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tgan");
        Files.write(file, new byte[] {0, 1});

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ModelRejectedException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void shouldLoadAModelFileWhenValid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.tgan");
        TestModels.spec().checkpoint().save(file);

        assertThat(loader.load(file).name()).isEqualTo(TestModels.NAME);
    }
}
