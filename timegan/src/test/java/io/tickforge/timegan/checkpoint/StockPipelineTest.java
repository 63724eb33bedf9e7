package io.tickforge.timegan.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.SharedData;
import io.tickforge.timegan.data.TimeSeriesTable;
import io.tickforge.timegan.data.WindowSet;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The whole data path on the shared stock CSV: load, scale, window, train briefly, checkpoint, reload, sample. */
class StockPipelineTest {

    @Test
    void shouldSampleWithinEachFeaturesTrainingRangeWhenTrainedOnStockDataAndReloaded() throws IOException {
        TimeSeriesTable table = TimeSeriesTable.readCsv(SharedData.stockCsv());
        MinMaxScaler scaler = MinMaxScaler.fit(table);
        WindowSet windows = WindowSet.slide(table, scaler, 24).shuffled(new SplittableRandom(1));
        TimeGanConfig config = new TimeGanConfig(6, 4, 2, 24, 16, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL);
        TimeGan model = new TimeGan(config, new SplittableRandom(2), Gemm.plainJava());
        model.train(windows.batchSource(16), new SplittableRandom(3), 2, p -> { });
        ModelMetadata metadata = new ModelMetadata(Checkpoint.FORMAT_VERSION, "timegan-stock", 1,
                1_700_000_000_000L, "0.1.0-SNAPSHOT", table.featureNames(), "levels",
                Checkpoint.hyperparameters(config, 2), 2,
                new ModelMetadata.DataWindow(table.rows(), 1_700_000_000_000L, 1_700_000_000_000L, List.of()),
                ModelMetadata.Scores.NONE);
        byte[] file = new Checkpoint(model, scaler, metadata,
                new TrainingData(table.source(), 0, table.rows()), false).toBytes();

        Checkpoint loaded = Checkpoint.fromBytes(file, Gemm.plainJava());
        float[] z = new float[24 * 16 * 6];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextFloat();
        }
        double[] raw = loaded.scaler().inverse(loaded.model().generate(z));
        double[] mins = scaler.mins();
        double[] maxs = scaler.maxs();
        for (int i = 0; i < raw.length; i++) {
            int f = i % 6;
            assertThat(raw[i]).as(table.featureNames().get(f)).isBetween(mins[f], maxs[f] + 1e-6);
        }
    }
}
