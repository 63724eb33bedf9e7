package io.tickforge.broker;

import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker's own lifecycle: durability across a restart on the same data directory. */
class EmbeddedKafkaBrokerRestartIT {
    private static final String TOPIC = "restart-durability";
    private static final String GROUP = "restart-group";

    private Path dir;
    private EmbeddedKafkaBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        dir = Files.createTempDirectory("tickforge-restart-");
        broker = new EmbeddedKafkaBroker(BrokerConfig.loopback(dir)).start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
        EmbeddedKafkaExtension.deleteRecursively(dir);
    }

    @Test
    void shouldKeepRecordsAndCommittedOffsetsWhenRestartedOnTheSameDataDir() throws Exception {
        produce(0, 100);
        List<String> firstHalf = consume(50);
        assertThat(firstHalf).hasSize(50).startsWith("v0").endsWith("v49");

        broker.restart();

        assertThat(committedOffset()).isEqualTo(50L);
        produce(100, 150);
        List<String> rest = consume(100);
        assertThat(rest).hasSize(100).startsWith("v50").endsWith("v149");
    }

    @Test
    void shouldRefuseASecondStartWhileRunning() {
        assertThatThrownBy(() -> broker.start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broker.bootstrapServers());
    }

    @Test
    void shouldRefuseASecondBrokerOnTheSameDataDirWithoutDisturbingTheFirst() throws Exception {
        EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(BrokerConfig.loopback(dir));

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another running broker")
                .hasMessageContaining(dir.toString());
        assertThat(second.isRunning()).isFalse();
        produce(0, 10);
        assertThat(consume(10)).hasSize(10);
    }

    @Test
    void shouldServeClientsOnTheSamePortWhenRestarted() {
        int before = broker.port();

        broker.restart();

        assertThat(broker.port()).isEqualTo(before);
        assertThat(broker.isRunning()).isTrue();
    }

    private void produce(int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k", "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads up to {@code max} records from the group's committed position, committing exactly what it read. */
    private List<String> consume(int max) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(max)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                    consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()),
                            new OffsetAndMetadata(r.offset() + 1)));
                    if (values.size() == max) {
                        break;
                    }
                }
            }
        }
        return values;
    }

    private long committedOffset() {
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = consumer(1)) {
            OffsetAndMetadata committed = consumer.committed(Set.of(tp), Duration.ofSeconds(30)).get(tp);
            return committed == null ? -1 : committed.offset();
        }
    }

    private KafkaConsumer<String, String> consumer(int maxPoll) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll),
                new StringDeserializer(), new StringDeserializer());
    }
}
