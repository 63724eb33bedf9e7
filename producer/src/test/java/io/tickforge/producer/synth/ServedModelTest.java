package io.tickforge.producer.synth;

import io.tickforge.producer.testing.TestModels;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.features.FeatureTransform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServedModelTest {

    @Test
    void shouldTakeTheMeanBarSpacingWhenTheDataWindowTellsIt() {
        assertThat(ServedModel.derivedIntervalMs(TestModels.window(300, 100, 1))).isEqualTo(100);
        assertThat(ServedModel.derivedIntervalMs(TestModels.window(300, 60_000, 3))).isEqualTo(60_000);
    }

    @Test
    void shouldSnapToARoundIntervalWhenGapsStretchTheMean() {
        // 101 bars of 1 s with a few missing seconds: the span is 106 s
        ModelMetadata.DataWindow w = new ModelMetadata.DataWindow(101, TestModels.FROM_TS, TestModels.FROM_TS + 106_000,
                List.of("SIM-A"));

        assertThat(ServedModel.derivedIntervalMs(w)).isEqualTo(1000);
    }

    @Test
    void shouldRoundToTheMillisecondWhenNoRoundIntervalIsNear() {
        ModelMetadata.DataWindow w = new ModelMetadata.DataWindow(11, TestModels.FROM_TS, TestModels.FROM_TS + 14_000,
                List.of());

        assertThat(ServedModel.derivedIntervalMs(w)).isEqualTo(1400);
    }

    @Test
    void shouldUseTheConfiguredIntervalWhenTheDataWindowHasNoSpan() {
        ModelMetadata.DataWindow w = new ModelMetadata.DataWindow(200, TestModels.FROM_TS, TestModels.FROM_TS,
                List.of());

        ServedModel m = ServedModel.of(TestModels.spec().window(w).checkpoint(), Duration.ofMillis(250));

        assertThat(m.barInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(m.intervalFromData()).isFalse();
    }

    @Test
    void shouldReadNameVersionAndTransformFromTheCheckpointWhenServed() {
        ServedModel m = ServedModel.of(TestModels.spec().version(4).checkpoint(), Duration.ofSeconds(1));

        assertThat(m.name()).isEqualTo(TestModels.NAME);
        assertThat(m.version()).isEqualTo(4);
        assertThat(m.transform()).isEqualTo(FeatureTransform.LOG_RETURNS);
        assertThat(m.intervalFromData()).isTrue();
    }

    @Test
    void shouldNameTheTransformWhenItIsUnknown() {
        assertThatThrownBy(() -> ServedModel.of(TestModels.spec().transform("wavelets").checkpoint(),
                Duration.ofSeconds(1))).hasMessageContaining("featureTransform").hasMessageContaining("wavelets");
    }
}
