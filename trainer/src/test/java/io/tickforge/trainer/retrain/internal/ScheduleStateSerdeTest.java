package io.tickforge.trainer.retrain.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleStateSerdeTest {
    private final ScheduleStateSerde serde = new ScheduleStateSerde();

    @Test
    void shouldReadBackEveryFieldWhenRoundTripping() {
        ScheduleState state = new ScheduleState(9, 1_704_067_200_000L, true);

        assertThat(serde.deserialize("t", serde.serialize("t", state))).isEqualTo(state);
    }

    @Test
    void shouldReadBackTheInitialStateWhenNothingWasTrained() {
        assertThat(serde.deserialize("t", serde.serialize("t", ScheduleState.INITIAL)))
                .isEqualTo(ScheduleState.INITIAL);
    }

    @Test
    void shouldFailWhenBarsSinceIsNegative() {
        byte[] bytes = serde.serialize("t", ScheduleState.INITIAL);
        bytes[1] = (byte) 0x80;

        assertThatThrownBy(() -> serde.deserialize("t", bytes)).isInstanceOf(SerializationException.class);
    }
}
