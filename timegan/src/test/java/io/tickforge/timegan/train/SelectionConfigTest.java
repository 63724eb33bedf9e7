package io.tickforge.timegan.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionConfigTest {

    @Test
    void shouldNameTheFieldWhenEveryIsNotPositive() {
        assertThatThrownBy(() -> SelectionConfig.every(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every must be positive, got 0");
    }

    @Test
    void shouldNameTheFieldWhenTooFewWindowsToSplit() {
        assertThatThrownBy(() -> new SelectionConfig(10, 9, 1, 1, 1, 1, SelectionConfig.Against.TRAINING))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("windows must be at least 10, got 9");
    }

    @Test
    void shouldNameTheFieldWhenNoFinalists() {
        assertThatThrownBy(() -> new SelectionConfig(10, 100, 1, 0, 1, 1, SelectionConfig.Against.TRAINING))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("finalists must be positive, got 0");
    }

    @Test
    void shouldUseThePapersClassifierAndTrainingWindowsByDefault() {
        SelectionConfig config = SelectionConfig.every(500);

        assertThat(config.classifierIterations()).isEqualTo(2_000);
        assertThat(config.against()).isEqualTo(SelectionConfig.Against.TRAINING);
        assertThat(config.finalRepeats()).isGreaterThan(config.repeats());
    }
}
