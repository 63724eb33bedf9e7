package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingRecipeTest {

    @Test
    void shouldMatchTheReferenceConfigurationWhenReference() {
        TimeGanConfig reference = TimeGanConfig.reference(5);
        assertThat(TrainingRecipe.REFERENCE.emaDecay()).isEqualTo(reference.emaDecay());
        assertThat(TrainingRecipe.REFERENCE.jointLearningRate()).isEqualTo(reference.jointLearningRate());
    }

    @Test
    void shouldAverageAndScheduleTheJointPhaseWhenTuned() {
        assertThat(TrainingRecipe.TUNED.emaDecay()).isEqualTo(0.999);
        assertThat(TrainingRecipe.TUNED.jointLearningRate()).isEqualTo(new JointLearningRate(2.0, 0.5));
    }
}
