package io.tickforge.timegan.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Adam;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.Param;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.model.TimeGanConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static TimeGan model;
    private static byte[] withOptimisers;
    private static byte[] weightsOnly;

    @BeforeAll
    static void train() {
        model = TinyModels.trained();
        withOptimisers = TinyModels.checkpoint(model, true).toBytes();
        weightsOnly = TinyModels.checkpoint(model, false).toBytes();
    }

    private static Checkpoint load(byte[] bytes) throws IOException {
        return Checkpoint.fromBytes(bytes, Gemm.plainJava());
    }

    private static byte[] body(byte[] file) {
        return Arrays.copyOfRange(file, CheckpointFormat.HEADER_BYTES, file.length);
    }

    @Test
    void shouldGenerateBitIdenticalSamplesWhenSavedAndLoaded() throws IOException {
        float[] z = TinyModels.noise(7);
        float[] before = model.generate(z).clone();
        float[] after = load(withOptimisers).model().generate(z);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldRestoreAnLstmModelWithItsCellSeedAndIterationsWhenLoaded() throws IOException {
        TimeGanConfig lstmConfig = TinyModels.CONFIG.withCell(RecurrentCell.LSTM);
        TimeGan lstm = new TimeGan(lstmConfig, new SplittableRandom(3), Gemm.plainJava());
        ModelMetadata m = TinyModels.metadata();
        ModelMetadata lstmMetadata = new ModelMetadata(m.formatVersion(), m.modelName(), m.modelVersion(),
                m.createdAt(), m.tickforgeVersion(), m.featureNames(), m.featureTransform(),
                Checkpoint.hyperparameters(lstmConfig), m.seed(), m.dataWindow(), m.scores());
        float[] z = TinyModels.noise(7);
        float[] before = lstm.generate(z).clone();

        Checkpoint loaded = Checkpoint.fromBytes(
                new Checkpoint(lstm, TinyModels.SCALER, lstmMetadata, TinyModels.DATA, false).toBytes(),
                Gemm.plainJava());

        assertThat(loaded.model().config()).isEqualTo(lstmConfig);
        assertThat(loaded.metadata().hyperparameters().cell()).isEqualTo(ModelMetadata.Cell.LSTM);
        assertThat(loaded.model().generate(z)).isEqualTo(before);
    }

    @Test
    void shouldRestoreEveryWeightWhenLoaded() throws IOException {
        List<Param> original = CheckpointFormat.weights(model);
        List<Param> restored = CheckpointFormat.weights(load(weightsOnly).model());
        for (int i = 0; i < original.size(); i++) {
            assertThat(restored.get(i).value()).as(original.get(i).name()).isEqualTo(original.get(i).value());
        }
    }

    @Test
    void shouldSaveTheAveragedWeightsAsTheModelsWeightsWhenTrainedWithAWeightAverage() throws IOException {
        TimeGanConfig emaConfig = TinyModels.CONFIG.withEmaDecay(0.9);
        TimeGan averaged = new TimeGan(emaConfig, new SplittableRandom(TinyModels.SEED), Gemm.plainJava());
        averaged.train(io.tickforge.timegan.data.SineDataset.generate(64, 6, 3, TinyModels.SEED)
                .batchSource(emaConfig.batch()), new SplittableRandom(TinyModels.SEED + 1), TinyModels.ITERATIONS,
                p -> { });
        // the average differs from the raw weights of the same run
        assertThat(averaged.generator().params().get(0).value())
                .isNotEqualTo(model.generator().params().get(0).value());
        float[] z = TinyModels.noise(7);
        float[] before = averaged.generate(z).clone();

        Checkpoint loaded = load(TinyModels.checkpoint(averaged, true).toBytes());

        List<Param> original = CheckpointFormat.weights(averaged);
        List<Param> restored = CheckpointFormat.weights(loaded.model());
        for (int i = 0; i < original.size(); i++) {
            assertThat(restored.get(i).value()).as(original.get(i).name()).isEqualTo(original.get(i).value());
        }
        assertThat(loaded.model().generate(z)).isEqualTo(before);
        // format 1 has no field for the decay: the loaded model is a plain one whose weights are the average
        assertThat(loaded.model().config()).isEqualTo(emaConfig.withEmaDecay(0));
    }

    @Test
    void shouldRestoreScalerMetadataAndTrainingDataWhenLoaded() throws IOException {
        Checkpoint loaded = load(withOptimisers);
        assertThat(loaded.scaler()).isEqualTo(TinyModels.SCALER);
        assertThat(loaded.metadata()).isEqualTo(TinyModels.metadata());
        assertThat(loaded.trainingData()).isEqualTo(TinyModels.DATA);
        assertThat(loaded.model().config()).isEqualTo(TinyModels.CONFIG);
    }

    @Test
    void shouldWriteIdenticalBytesWhenTheSameModelIsSavedTwice() {
        assertThat(TinyModels.checkpoint(model, true).toBytes()).isEqualTo(withOptimisers);
    }

    @Test
    void shouldWriteTheSameBytesAgainWhenALoadedCheckpointIsSaved() throws IOException {
        assertThat(load(withOptimisers).toBytes()).isEqualTo(withOptimisers);
    }

    @Test
    void shouldContinueTrainingIdenticallyWhenTheOptimiserStateIsSaved() throws IOException {
        TimeGan original = TinyModels.trained();
        TimeGan restored = load(TinyModels.checkpoint(original, true).toBytes()).model();
        float[] x = TinyModels.noise(3);
        original.autoencoderStep(x);
        restored.autoencoderStep(x);
        assertThat(restored.embedder().params().get(0).value())
                .isEqualTo(original.embedder().params().get(0).value());
    }

    @Test
    void shouldRestoreOptimiserStepCountsWhenTheOptimiserStateIsSaved() throws IOException {
        List<Adam> restored = load(withOptimisers).model().optimisers();
        for (int o = 0; o < restored.size(); o++) {
            assertThat(restored.get(o).steps()).isEqualTo(model.optimisers().get(o).steps());
        }
        assertThat(restored.get(0).steps()).isPositive();
    }

    @Test
    void shouldStartFreshOptimisersWhenTheOptimiserStateIsLeftOut() throws IOException {
        Checkpoint loaded = load(weightsOnly);
        assertThat(loaded.hasOptimiserState()).isFalse();
        assertThat(loaded.model().optimisers()).allSatisfy(adam -> assertThat(adam.steps()).isZero());
        assertThat(weightsOnly.length).isLessThan(withOptimisers.length);
    }

    @Test
    void shouldRoundTripThroughAFileWhenGivenAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tgan");
        TinyModels.checkpoint(model, true).save(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(withOptimisers);
        assertThat(Checkpoint.load(file, Gemm.plainJava()).metadata()).isEqualTo(TinyModels.metadata());
    }

    @Test
    void shouldReplaceTheFileAndLeaveNoTemporaryFileWhenSavingOverAnExistingFile(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("model.tgan");
        Files.write(file, new byte[] {1, 2, 3});
        TinyModels.checkpoint(model, false).save(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(weightsOnly);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldRoundTripThroughStreamsWhenGivenStreams() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TinyModels.checkpoint(model, false).save(out);
        Checkpoint loaded = Checkpoint.load(new ByteArrayInputStream(out.toByteArray()), Gemm.plainJava());
        assertThat(loaded.toBytes()).isEqualTo(weightsOnly);
    }

    @Test
    void shouldSayFoundAndSupportedVersionsWhenTheVersionIsUnknown() {
        byte[] file = CheckpointFormat.frame(7, body(weightsOnly));
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("unsupported checkpoint format version 7")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void shouldSayTheFileIsCorruptWhenABodyByteIsFlipped() {
        byte[] file = weightsOnly.clone();
        file[file.length - 10] ^= 0x01;
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("SHA-256");
    }

    @Test
    void shouldSayTheFileIsTruncatedWhenTheBodyIsCut() {
        byte[] file = Arrays.copyOf(weightsOnly, weightsOnly.length - 100);
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated").hasMessageContaining(String.valueOf(weightsOnly.length - 100 - 48));
    }

    @Test
    void shouldSayTheFileIsTruncatedWhenTheHeaderIsCut() {
        byte[] file = Arrays.copyOf(weightsOnly, 20);
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated").hasMessageContaining("20 bytes");
    }

    @Test
    void shouldSayItIsNotACheckpointWhenTheMagicIsWrong() {
        byte[] file = weightsOnly.clone();
        file[0] = 'X';
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("not a tickforge checkpoint").hasMessageContaining("TGAN");
    }

    @Test
    void shouldNameTheTensorWhenItsShapeDoesNotMatchTheConfig() {
        // rewrite the config's hidden width (the int after features, right after the metadata) from 4 to 5
        byte[] body = body(weightsOnly);
        ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int hiddenAt = 4 + buf.getInt(0) + 4;
        assertThat(buf.getInt(hiddenAt)).isEqualTo(4);
        buf.putInt(hiddenAt, 5);
        byte[] file = CheckpointFormat.frame(Checkpoint.FORMAT_VERSION, body);
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("tensor embedder.gru.0.W").hasMessageContaining("3x12")
                .hasMessageContaining("3x15");
    }

    @Test
    void shouldNameTheMetadataFieldWhenTheMetadataIsInvalid() {
        byte[] body = body(weightsOnly);
        int jsonLength = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        String json = new String(body, 4, jsonLength, StandardCharsets.UTF_8);
        byte[] broken = json.replace("\"featureTransform\":\"levels\"", "\"featureTransform\":\" \"")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer rebuilt = ByteBuffer.allocate(body.length - jsonLength + broken.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        rebuilt.putInt(broken.length).put(broken).put(body, 4 + jsonLength, body.length - 4 - jsonLength);
        byte[] file = CheckpointFormat.frame(Checkpoint.FORMAT_VERSION, rebuilt.array());
        assertThatThrownBy(() -> load(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("metadata").hasMessageContaining("featureTransform");
    }

    @Test
    void shouldNameTheFileWhenLoadingABadPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.tgan");
        Files.write(file, new byte[] {'T', 'G'});
        assertThatThrownBy(() -> Checkpoint.load(file, Gemm.plainJava())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("broken.tgan");
    }

    @Test
    void shouldNameTheFieldWhenFeatureNamesDoNotMatchTheModel() {
        ModelMetadata m = TinyModels.metadata();
        ModelMetadata twoNames = new ModelMetadata(m.formatVersion(), m.modelName(), m.modelVersion(), m.createdAt(),
                m.tickforgeVersion(), List.of("a", "b"), m.featureTransform(), m.hyperparameters(), m.seed(),
                m.dataWindow(), m.scores());
        assertThatThrownBy(() -> new Checkpoint(model, TinyModels.SCALER, twoNames, TinyModels.DATA, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.featureNames");
    }

    @Test
    void shouldNameTheFieldWhenHyperparametersDoNotMatchTheModel() {
        ModelMetadata m = TinyModels.metadata();
        ModelMetadata.Hyperparameters h = m.hyperparameters();
        ModelMetadata other = new ModelMetadata(m.formatVersion(), m.modelName(), m.modelVersion(), m.createdAt(),
                m.tickforgeVersion(), m.featureNames(), m.featureTransform(),
                new ModelMetadata.Hyperparameters(h.seqLen(), 24, h.layers(), h.batch(), h.iterationsPerPhase(),
                        h.cell(), h.learningRate(), h.gamma()),
                m.seed(), m.dataWindow(), m.scores());
        assertThatThrownBy(() -> new Checkpoint(model, TinyModels.SCALER, other, TinyModels.DATA, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.hyperparameters");
    }

    @Test
    void shouldNameTheFieldWhenTrainingRowsDisagreeWithTheDataWindow() {
        assertThatThrownBy(() -> new Checkpoint(model, TinyModels.SCALER, TinyModels.metadata(),
                new TrainingData("sine", 0, 1), false)).hasMessageContaining("trainingData.rows");
    }
}
