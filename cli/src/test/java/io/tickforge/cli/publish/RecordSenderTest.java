package io.tickforge.cli.publish;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSenderTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final RecordSender sender = new RecordSender(producer, "t", new FakeTicker());

    @Test
    void shouldCountFailedSendsByErrorWhenTheBrokerRejectsThem() {
        sender.send("a", bytes("1"), List.of());
        sender.send("b", bytes("2"), List.of());
        sender.send("c", bytes("3"), List.of());

        producer.completeNext();
        producer.errorNext(new TimeoutException("broker gone"));
        producer.errorNext(new TimeoutException("broker gone"));

        PublishSummary summary = sender.summary();
        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.acked()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.failuresByError()).containsEntry("TimeoutException", 2L);
    }

    @Test
    void shouldSendKeyAndValueToTheTopic() {
        sender.send("SIM-ABC", bytes("{}"), List.of());

        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("t");
            assertThat(r.key()).isEqualTo("SIM-ABC");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{}");
        });
    }

    @Test
    void shouldFlushAndCloseTheProducerWhenClosed() {
        sender.send("a", bytes("1"), List.of());

        sender.close();

        assertThat(producer.closed()).isTrue();
        assertThat(producer.flushed()).isTrue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
