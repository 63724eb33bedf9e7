package io.tickforge.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tickforge relies on from any Kafka: the same checks run against the embedded broker (always) and against
 * Testcontainers' Kafka (where a Docker engine exists).
 */
abstract class KafkaClusterContract {

    private final String bootstrap;

    /** @param bootstrap {@code bootstrap.servers} of the cluster under test */
    KafkaClusterContract(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** @return {@code bootstrap.servers} of the cluster under test */
    String bootstrapServers() {
        return bootstrap;
    }

    @Test
    void shouldDeliverEveryProducedRecordInOrderWhenConsumedFromTheStart() throws Exception {
        String topic = "contract-roundtrip-" + UUID.randomUUID();
        createTopic(topic, 1);
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            for (int i = 0; i < 500; i++) {
                String value = "v" + i;
                producer.send(new ProducerRecord<>(topic, "k" + (i % 7), value)).get(30, TimeUnit.SECONDS);
                sent.add(value);
            }
        }

        List<String> received = consumeValues(topic, sent.size(), "g-" + UUID.randomUUID(), IsolationLevel.READ_UNCOMMITTED);

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldExposeOnlyCommittedRecordsWhenReadingCommittedFromATransactionalProducer() throws Exception {
        String topic = "contract-tx-" + UUID.randomUUID();
        createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        List<String> received = consumeValues(topic, 1, "g-" + UUID.randomUUID(), IsolationLevel.READ_COMMITTED);

        assertThat(received).containsExactly("committed");
    }

    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    List<String> consumeValues(String topic, int expected, String group, IsolationLevel isolation) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
            // a short extra poll shows nothing beyond what was expected arrives
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
