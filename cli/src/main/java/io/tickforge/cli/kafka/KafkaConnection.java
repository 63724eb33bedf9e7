package io.tickforge.cli.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where Kafka is and how to talk to it: the one place the CLI turns flags into Kafka client {@link Properties}.
 *
 * @param bootstrap   {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}
 * @param passthrough client properties given with {@code --kafka} or the config file (SASL, SSL, tuning); they
 *                    override tickforge's defaults
 */
public record KafkaConnection(String bootstrap, Map<String, String> passthrough) {

    /** Validates; messages name the flag. */
    public KafkaConnection {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--bootstrap must not be blank, was '" + bootstrap + "'");
        }
        for (String server : bootstrap.split(",")) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0 || colon == server.length() - 1 || !server.substring(colon + 1).trim().matches("\\d{1,5}")) {
                throw new IllegalArgumentException("--bootstrap must be HOST:PORT[,HOST:PORT...], was '" + bootstrap + "'");
            }
        }
        passthrough = Map.copyOf(Objects.requireNonNull(passthrough, "passthrough"));
        for (Map.Entry<String, String> e : passthrough.entrySet()) {
            if (e.getKey().isBlank()) {
                throw new IllegalArgumentException("--kafka property name must not be blank, was '=" + e.getValue() + "'");
            }
        }
    }

    /**
     * Properties for an admin client (topic creation); passthrough last.
     *
     * @param clientId the {@code client.id}
     * @return the admin properties
     */
    public Properties adminProperties(String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.putAll(passthrough);
        return props;
    }

    /**
     * Properties for a producer of {@code String} keys and encoded {@code byte[]} values: idempotent,
     * {@code acks=all}, small linger for batching; passthrough last.
     *
     * @param clientId the {@code client.id}
     * @return the producer properties
     */
    public Properties producerProperties(String clientId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(passthrough);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }
}
