package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void shouldReportMeanAndSampleStdWhenSummarisingRuns() {
        Score score = Score.of(new double[] {1, 2, 3, 4});

        assertThat(score.mean()).isEqualTo(2.5);
        assertThat(score.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    }

    @Test
    void shouldReportZeroStdWhenThereIsOneRun() {
        assertThat(Score.of(new double[] {0.2}).std()).isZero();
    }
}
