package io.tickforge.schemas.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatTest {

    @Test
    void shouldPickTheJsonCodecsWhenTheFormatIsJson() {
        assertThat(WireFormat.JSON.tick()).isSameAs(JsonCodec.tick());
        assertThat(WireFormat.JSON.bar()).isSameAs(JsonCodec.bar());
    }

    @Test
    void shouldPickTheAvroCodecsWhenTheFormatIsAvro() {
        assertThat(WireFormat.AVRO.tick()).isSameAs(AvroCodec.tick());
        assertThat(WireFormat.AVRO.bar()).isSameAs(AvroCodec.bar());
    }
}
