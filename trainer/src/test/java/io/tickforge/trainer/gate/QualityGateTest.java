package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata.Scores;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.trainer.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityGateTest {

    private static final GateConfig CONFIG = new GateConfig(0.2, 5, 5, 1, 0.02);
    private static final ModelScorer UNUSED = (m, s, h, g) -> {
        throw new AssertionError("not scored");
    };

    private static GateDecision decide(Scores candidate, Scores current) {
        return new QualityGate(CONFIG, UNUSED).decide(candidate, current);
    }

    @Test
    void shouldAcceptWhenThereIsNoCurrentModel() {
        GateDecision d = decide(Scores.of(0.4, 0.3), null);

        assertThat(d.accepted()).isTrue();
        assertThat(d.candidate()).isEqualTo(Scores.of(0.4, 0.3));
        assertThat(d.current()).isNull();
    }

    @Test
    void shouldAcceptWhenBothScoresAreWorseWithinTheTolerance() {
        assertThat(decide(Scores.of(0.215, 0.115), Scores.of(0.2, 0.1)).accepted()).isTrue();
    }

    @Test
    void shouldAcceptWhenBothScoresAreBetter() {
        assertThat(decide(Scores.of(0.1, 0.05), Scores.of(0.2, 0.1)).accepted()).isTrue();
    }

    @Test
    void shouldRejectWhenTheDiscriminativeScoreIsWorseBeyondTheTolerance() {
        GateDecision d = decide(Scores.of(0.25, 0.1), Scores.of(0.2, 0.1));

        assertThat(d.accepted()).isFalse();
        assertThat(d.reason()).isEqualTo("discriminative 0.2500 > 0.2000 + 0.0200");
        assertThat(d.current()).isEqualTo(Scores.of(0.2, 0.1));
    }

    @Test
    void shouldRejectWhenThePredictiveScoreIsWorseBeyondTheTolerance() {
        GateDecision d = decide(Scores.of(0.2, 0.13), Scores.of(0.2, 0.1));

        assertThat(d.accepted()).isFalse();
        assertThat(d.reason()).startsWith("predictive 0.1300");
    }

    @Test
    void shouldNameTheScoreWhenACandidateScoreIsMissing() {
        Scores noPredictive = new Scores(0.1, null, null, null);

        assertThatThrownBy(() -> decide(noPredictive, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidate.predictive");
    }

    @Test
    void shouldScoreBothModelsOnTheSameWindowsWhenJudging() {
        List<TimeGan> scored = new ArrayList<>();
        List<HeldOutWindows> windows = new ArrayList<>();
        ModelScorer recording = (m, s, h, g) -> {
            scored.add(m);
            windows.add(h);
            return scored.size() == 1 ? Scores.of(0.3, 0.1) : Scores.of(0.2, 0.1);
        };
        var config = Fixtures.tinyTraining().timeGan(1, 1);
        TimeGan candidate = new TimeGan(config, Gemm.plainJava());
        TimeGan current = new TimeGan(config.withSeed(2), Gemm.plainJava());
        MinMaxScaler scaler = MinMaxScaler.of(new double[5], new double[] {1, 1, 1, 1, 1});
        HeldOutWindows heldOut = HeldOutWindowsTest.windows(20, 6);

        GateDecision d = new QualityGate(CONFIG, recording).judge(candidate, scaler, current, scaler, heldOut,
                Gemm.plainJava(), () -> { });

        assertThat(scored).containsExactly(candidate, current);
        assertThat(windows).containsOnly(heldOut);
        assertThat(d.accepted()).isFalse();
    }

    @Test
    void shouldStopBetweenScoresWhenTheCheckThrows() {
        List<TimeGan> scored = new ArrayList<>();
        ModelScorer recording = (m, s, h, g) -> {
            scored.add(m);
            return Scores.of(0.3, 0.1);
        };
        var config = Fixtures.tinyTraining().timeGan(1, 1);
        TimeGan model = new TimeGan(config, Gemm.plainJava());
        MinMaxScaler scaler = MinMaxScaler.of(new double[5], new double[] {1, 1, 1, 1, 1});
        int[] calls = {0};

        assertThatThrownBy(() -> new QualityGate(CONFIG, recording).judge(model, scaler, model, scaler,
                HeldOutWindowsTest.windows(20, 6), Gemm.plainJava(), () -> {
                    if (++calls[0] == 2) {
                        throw new IllegalStateException("cancelled");
                    }
                })).hasMessage("cancelled");
        assertThat(scored).hasSize(1);
    }
}
