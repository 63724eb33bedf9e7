package io.tickforge.cli.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure a topic exists before a command publishes to it, so it works on clusters that do not auto-create
 * topics and picks the partition count explicitly. An existing topic is left as it is.
 *
 * <p>A topic just created is also waited for until every partition answers an offset request: an idempotent
 * producer whose first batch reaches a partition its leader has not opened yet gets that batch retried behind
 * later ones, and the broker then rejects it as out of sequence until the delivery timeout.
 */
public final class Topics {
    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private Topics() {
    }

    private static String unreachable(KafkaConnection connection) {
        return "Kafka at " + connection.bootstrap() + " did not answer within 30 s (is a broker running there? "
                + "./tickforge broker starts one)";
    }

    private static void awaitPartitionsOpen(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                boolean leaders = true;
                for (TopicPartitionInfo p : description.partitions()) {
                    leaders &= p.leader() != null && !p.leader().isEmpty();
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                }
                if (leaders) {
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topic + " have no leader after 30 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * @param connection the cluster
     * @param topic      the topic name
     * @param partitions partitions if it has to be created, &gt;= 1
     * @return true if this call created the topic
     * @throws IllegalStateException when the cluster cannot be reached or refuses the topic
     */
    public static boolean ensure(KafkaConnection connection, String topic, int partitions) {
        return ensure(connection, topic, partitions, Map.of());
    }

    /**
     * @param connection the cluster
     * @param topic      the topic name
     * @param partitions partitions if it has to be created, &gt;= 1
     * @param configs    topic configs if it has to be created, e.g. {@code cleanup.policy=compact}
     * @return true if this call created the topic
     * @throws IllegalStateException when the cluster cannot be reached or refuses the topic
     */
    public static boolean ensure(KafkaConnection connection, String topic, int partitions,
                                 Map<String, String> configs) {
        try (Admin admin = Admin.create(connection.adminProperties("tickforge-admin"))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return false;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
            awaitPartitionsOpen(admin, topic);
            LOG.info("topic created topic={} partitions={} configs={}", topic, partitions, configs);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new IllegalStateException(unreachable(connection), e.getCause());
            }
            throw new IllegalStateException("cannot create topic " + topic + " on " + connection.bootstrap() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(unreachable(connection), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + topic, e);
        }
    }
}
