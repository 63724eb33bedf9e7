package io.tickforge.trainer.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.model.JointLearningRate;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.model.TrainingRecipe;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void shouldTrainLikeTheReferenceWhenDefault() {
        assertThat(TrainingConfig.defaults().recipe()).isEqualTo(TrainingRecipe.REFERENCE);
        assertThat(TrainingConfig.defaults().timeGan(200, 7L).jointLearningRate()).isEqualTo(
                JointLearningRate.constant());
    }

    @Test
    void shouldAverageAndScheduleTheJointPhaseWhenGivenTheTunedRecipe() {
        TimeGanConfig config = TrainingConfig.defaults().withRecipe(TrainingRecipe.TUNED).timeGan(200, 7L);

        assertThat(config.emaDecay()).isEqualTo(TrainingRecipe.TUNED.emaDecay());
        assertThat(config.jointLearningRate()).isEqualTo(TrainingRecipe.TUNED.jointLearningRate());
        assertThat(config.iterationsPerPhase()).isEqualTo(200);
        assertThat(config.seed()).isEqualTo(7L);
    }

    @Test
    void shouldNameTheFieldWhenTheRecipeIsMissing() {
        assertThatThrownBy(() -> TrainingConfig.defaults().withRecipe(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("training.recipe");
    }
}
