package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import org.junit.jupiter.api.Test;

class QualityConfigTest {

    @Test
    void shouldFollowThePaperWhenUsingDefaults() {
        QualityConfig paper = QualityConfig.paper();

        assertThat(paper.discriminativeIterations()).isEqualTo(2_000);
        assertThat(paper.predictiveIterations()).isEqualTo(5_000);
        assertThat(paper.batchSize()).isEqualTo(128);
        assertThat(paper.trainFraction()).isEqualTo(0.8);
        assertThat(paper.adam().learningRate()).isEqualTo(0.001);
    }

    @Test
    void shouldNameTheFieldWhenIterationsAreNotPositive() {
        assertThatThrownBy(() -> new QualityConfig(0, 1, 1, 1, 0.8, 1, AdamConfig.tf1Defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminativeIterations must be positive, got 0");
    }

    @Test
    void shouldNameTheFieldWhenTrainFractionIsOutOfRange() {
        assertThatThrownBy(() -> new QualityConfig(1, 1, 1, 1, 1.0, 1, AdamConfig.tf1Defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trainFraction must be in (0, 1), got 1.0");
    }
}
