package io.tickforge.timegan.sample;

import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.Gemm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplerTest {
    private static final List<String> NAMES = List.of("open", "close", "volume");
    private static final MinMaxScaler SCALER = MinMaxScaler.of(new double[] {10, 11, 0}, new double[] {20, 21, 1e6});

    private static Sampler sampler() {
        TimeGan model = new TimeGan(TimeGanConfig.reference(3), new SplittableRandom(1), Gemm.openBlas());
        return new Sampler(model, SCALER, NAMES, Gemm.openBlas());
    }

    @Test
    void shouldGiveIdenticalWindowsWhenTheSeedIsTheSame() {
        assertThat(sampler().windows(200, 7).values()).isEqualTo(sampler().windows(200, 7).values());
    }

    @Test
    void shouldGiveDifferentWindowsWhenTheSeedDiffers() {
        assertThat(sampler().windows(10, 7).values()).isNotEqualTo(sampler().windows(10, 8).values());
    }

    @Test
    void shouldMapWindowsBackIntoEachFeaturesTrainingRange() {
        SampleSet s = sampler().windows(130, 3);

        assertThat(s.sequences()).isEqualTo(130);
        assertThat(s.steps()).isEqualTo(24);
        for (int i = 0; i < s.sequences(); i++) {
            for (int t = 0; t < s.steps(); t++) {
                assertThat(s.value(i, t, 0)).isBetween(10.0, 20.0 + 1e-6);
                assertThat(s.value(i, t, 2)).isBetween(0.0, 1e6 + 1);
            }
        }
    }

    @Test
    void shouldStepStreamsBeyondTheTrainingWindowLengthWhenStreaming() {
        SampleSet s = sampler().streams(4, 100, 5);

        assertThat(s.sequences()).isEqualTo(4);
        assertThat(s.steps()).isEqualTo(100);
        assertThat(java.util.Arrays.stream(s.values()).allMatch(Double::isFinite)).isTrue();
        assertThat(sampler().streams(4, 100, 5).values()).isEqualTo(s.values());
    }

    @Test
    void shouldCutAStreamIntoConsecutiveWindows() {
        SampleSet stream = sampler().streams(2, 50, 5);

        SampleSet windows = stream.windows(24);

        assertThat(windows.sequences()).isEqualTo(4);
        assertThat(windows.value(1, 0, 1)).isEqualTo(stream.value(0, 24, 1));
        assertThat(windows.value(2, 23, 2)).isEqualTo(stream.value(1, 23, 2));
    }

    @Test
    void shouldNameTheFieldWhenTheScalerDoesNotMatchTheModel() {
        TimeGan model = new TimeGan(TimeGanConfig.reference(2), new SplittableRandom(1), Gemm.openBlas());

        assertThatThrownBy(() -> new Sampler(model, SCALER, NAMES, Gemm.openBlas()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scaler");
    }
}
