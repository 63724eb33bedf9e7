package io.tickforge.cli.produce;

import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.Gemm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The produce tests' model fixture is what the trainer would publish. */
class TinyModelTest {

    @Test
    void shouldBeALogReturnsCheckpointOfHundredMillisecondBarsWhenTrained() throws Exception {
        Checkpoint c = Checkpoint.fromBytes(TinyModel.train("timegan-TINY", 5), Gemm.openBlas());

        assertThat(c.metadata().modelName()).isEqualTo("timegan-TINY");
        assertThat(c.metadata().featureTransform()).isEqualTo(FeatureTransform.LOG_RETURNS.wireName());
        assertThat(c.hasOptimiserState()).isFalse();
        long rows = c.metadata().dataWindow().rows();
        assertThat((c.metadata().dataWindow().toTs() - c.metadata().dataWindow().fromTs()) / (rows - 1))
                .isEqualTo(TinyModel.BAR_MS);
    }

    @Test
    void shouldBeByteIdenticalWhenTrainedTwiceWithTheSameSeed() {
        assertThat(TinyModel.train("timegan-TINY", 5)).isEqualTo(TinyModel.train("timegan-TINY", 5));
    }
}
