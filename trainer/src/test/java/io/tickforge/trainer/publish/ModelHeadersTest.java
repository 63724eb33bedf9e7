package io.tickforge.trainer.publish;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.trainer.TopologyFixture;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelHeadersTest {
    private static final ModelMetadata METADATA = TopologyFixture.metadata("timegan-AAPL", 7);

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteNumbersAsDecimalTextWhenWritingMetadata() {
        Headers headers = ModelHeaders.of(METADATA);

        assertThat(text(headers, ModelHeaders.VERSION)).isEqualTo("7");
        assertThat(text(headers, ModelHeaders.CREATED_AT)).isEqualTo(Long.toString(METADATA.createdAt()));
        assertThat(text(headers, ModelHeaders.FORMAT_VERSION)).isEqualTo("1");
        assertThat(text(headers, ModelHeaders.FEATURE_TRANSFORM)).isEqualTo("log-returns");
    }

    @Test
    void shouldWriteScoresAndDataWindowAsJsonWhenWritingMetadata() {
        Headers headers = ModelHeaders.of(METADATA);

        assertThat(text(headers, ModelHeaders.SCORES)).isEqualTo("{\"discriminative\":0.12,\"predictive\":0.05}");
        assertThat(text(headers, ModelHeaders.DATA_WINDOW)).isEqualTo("{\"rows\":30,\"fromTs\":" + TopologyFixture.T0
                + ",\"toTs\":" + (TopologyFixture.T0 + 29_000) + ",\"symbols\":[\"AAPL\"]}");
    }

    @Test
    void shouldReadBackWhatWasWrittenWhenRoundTripping() {
        ModelHeaders.Summary summary = ModelHeaders.read(ModelHeaders.of(METADATA));

        assertThat(summary).isEqualTo(new ModelHeaders.Summary(7, METADATA.createdAt(), METADATA.scores(),
                METADATA.dataWindow(), ModelMetadata.CURRENT_FORMAT_VERSION, "log-returns"));
    }

    @Test
    void shouldNameTheHeaderWhenOneIsMissing() {
        Headers headers = ModelHeaders.of(METADATA).remove(ModelHeaders.SCORES);

        assertThatThrownBy(() -> ModelHeaders.read(headers)).isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(ModelHeaders.SCORES + " must be present");
    }

    @Test
    void shouldNameTheHeaderAndValueWhenANumberIsNotDecimal() {
        Headers headers = ModelHeaders.of(METADATA).remove(ModelHeaders.VERSION)
                .add(ModelHeaders.VERSION, "seven".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ModelHeaders.read(headers)).isInstanceOf(InvalidRecordException.class)
                .hasMessage(ModelHeaders.VERSION + " must be a decimal integer, was 'seven'");
    }

    @Test
    void shouldNameTheHeaderWhenItsJsonIsInvalid() {
        Headers headers = ModelHeaders.of(METADATA).remove(ModelHeaders.DATA_WINDOW)
                .add(ModelHeaders.DATA_WINDOW, "{\"rows\":-1}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ModelHeaders.read(headers)).isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(ModelHeaders.DATA_WINDOW + " must be a JSON DataWindow");
    }
}
