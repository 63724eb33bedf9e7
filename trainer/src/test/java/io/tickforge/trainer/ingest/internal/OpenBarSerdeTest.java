package io.tickforge.trainer.ingest.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenBarSerdeTest {
    private static final OpenBar BAR = new OpenBar("BRK.B", 1_700_000_000_000L, 1_000, 1_700_000_000_100L, 10.5,
            12.25, 9.75, 1_700_000_000_900L, 11, 42.5, 7);
    private final OpenBarSerde serde = new OpenBarSerde();

    @Test
    void shouldReadBackEveryFieldWhenRoundTripping() {
        assertThat(serde.deserialize("t", serde.serialize("t", BAR))).isEqualTo(BAR);
    }

    @Test
    void shouldFailNamingTheFormatWhenTheFormatByteIsUnknown() {
        byte[] bytes = serde.serialize("t", BAR);
        bytes[0] = 9;

        assertThatThrownBy(() -> serde.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format must be 1, was 9");
    }

    @Test
    void shouldFailWhenTheBytesAreTruncated() {
        byte[] bytes = serde.serialize("t", BAR);

        assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
    }
}
