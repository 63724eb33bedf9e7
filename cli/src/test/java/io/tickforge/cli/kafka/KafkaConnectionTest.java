package io.tickforge.cli.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaConnectionTest {

    @Test
    void shouldLetPassthroughOverrideDefaultsWhenBuildingProducerProperties() {
        KafkaConnection c = new KafkaConnection("127.0.0.1:9092",
                Map.of("acks", "1", "security.protocol", "SASL_SSL"));

        Properties p = c.producerProperties("tickforge-test");

        assertThat(p).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("acks", "1")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "tickforge-test");
    }

    @Test
    void shouldSetTheCompressionTypeWhenOneIsGiven() {
        KafkaConnection c = new KafkaConnection("127.0.0.1:9092", Map.of());

        Properties p = c.producerProperties("tickforge-test", Compression.ZSTD);

        assertThat(p).containsEntry("compression.type", "zstd").containsEntry("acks", "all");
    }

    @Test
    void shouldLetPassthroughOverrideTheCompressionWhenBothAreGiven() {
        KafkaConnection c = new KafkaConnection("127.0.0.1:9092", Map.of("compression.type", "gzip"));

        Properties p = c.producerProperties("tickforge-test", Compression.LZ4);

        assertThat(p).containsEntry("compression.type", "gzip");
    }

    @Test
    void shouldNeverCreateTheTopicWhenReadingOne() {
        KafkaConnection c = new KafkaConnection("127.0.0.1:9092", Map.of());

        Properties p = c.readerProperties("tickforge-test");

        assertThat(p).containsEntry("allow.auto.create.topics", "false").doesNotContainKey("group.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:", ":9092", "host:port", "a:1,b"})
    void shouldNameTheBootstrapFlagWhenItIsMalformed(String bootstrap) {
        assertThatThrownBy(() -> new KafkaConnection(bootstrap, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bootstrap");
    }

    @Test
    void shouldAcceptSeveralServers() {
        assertThat(new KafkaConnection("a:1,b:2", Map.of()).bootstrap()).isEqualTo("a:1,b:2");
    }
}
