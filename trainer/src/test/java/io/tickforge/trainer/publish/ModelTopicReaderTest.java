package io.tickforge.trainer.publish;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTopicReaderTest {
    private static final String TOPIC = "tickforge.models";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

    private void partitions(TopicPartition... tps) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, java.util.Arrays.stream(tps)
                .map(tp -> new PartitionInfo(TOPIC, tp.partition(), node, new Node[]{node}, new Node[]{node}))
                .toList());
        Map<TopicPartition, Long> begin = new java.util.HashMap<>();
        for (TopicPartition tp : tps) {
            begin.put(tp, 0L);
        }
        consumer.updateBeginningOffsets(begin);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepTheLatestRecordPerModelWhenAModelWasPublishedTwice() {
        partitions(P0, P1);
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 1L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "timegan-A", b("v1")));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "timegan-A", b("v2")));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 0, "timegan-B", b("b1")));
        });

        var latest = new ModelTopicReader(consumer, Clock.systemUTC()).readLatest(TOPIC, Duration.ofSeconds(5));

        assertThat(latest).containsOnlyKeys("timegan-A", "timegan-B");
        assertThat(latest.get("timegan-A").value()).isEqualTo(b("v2"));
    }

    @Test
    void shouldForgetAModelWhenItsLatestRecordIsATombstone() {
        partitions(P0);
        consumer.updateEndOffsets(Map.of(P0, 2L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "timegan-A", b("v1")));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "timegan-A", null));
        });

        var latest = new ModelTopicReader(consumer, Clock.systemUTC()).readLatest(TOPIC, Duration.ofSeconds(5));

        assertThat(latest).isEmpty();
    }

    @Test
    void shouldReturnNothingWhenTheTopicDoesNotExist() {
        var latest = new ModelTopicReader(consumer, Clock.systemUTC()).readLatest(TOPIC, Duration.ofSeconds(1));

        assertThat(latest).isEmpty();
    }

    @Test
    void shouldTimeOutWhenTheEndIsNeverReached() {
        partitions(P0);
        consumer.updateEndOffsets(Map.of(P0, 5L));
        Clock frozenThenLate = new Clock() {
            private int calls;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(calls++ == 0 ? 0 : 3600);
            }
        };

        assertThatThrownBy(() -> new ModelTopicReader(consumer, frozenThenLate).readLatest(TOPIC, Duration.ofSeconds(1)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining(TOPIC);
    }

    @Test
    void shouldSkipRecordsWithoutAKey() {
        partitions(P0);
        consumer.updateEndOffsets(Map.of(P0, 1L));
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, b("x"))));

        var latest = new ModelTopicReader(consumer, Clock.systemUTC()).readLatest(TOPIC, Duration.ofSeconds(5));

        assertThat(latest).isEmpty();
        assertThat(List.copyOf(consumer.assignment())).isEmpty();
    }
}
