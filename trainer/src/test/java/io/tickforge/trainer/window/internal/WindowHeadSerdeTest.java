package io.tickforge.trainer.window.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowHeadSerdeTest {
    private final WindowHeadSerde serde = new WindowHeadSerde();

    @Test
    void shouldReadBackEveryFieldWhenRoundTripping() {
        WindowHead head = new WindowHead(17, 47, 1_700_000_000_000L);

        assertThat(serde.deserialize("t", serde.serialize("t", head))).isEqualTo(head);
    }

    @Test
    void shouldFailWhenTheLengthIsWrong() {
        byte[] bytes = serde.serialize("t", WindowHead.EMPTY);

        assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, 24)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("was 24 bytes");
    }
}
