package io.tickforge.cli.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
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
        return producerProperties(clientId, Compression.NONE);
    }

    /**
     * Properties for a producer of {@code String} keys and encoded {@code byte[]} values, with a batch compression:
     * idempotent, {@code acks=all}, small linger and {@value #BATCH_SIZE}-byte batches; passthrough last, so {@code --kafka acks=1} or
     * {@code --kafka compression.type=...} still win.
     *
     * @param clientId    the {@code client.id}
     * @param compression the {@code compression.type}
     * @return the producer properties
     */
    public Properties producerProperties(String clientId, Compression compression) {
        Objects.requireNonNull(compression, "compression");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.kafkaName());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return withPassthrough(p);
    }

    /**
     * Properties for a Kafka Streams application: {@code exactly_once_v2}, byte-array default serdes (every node
     * names its own), producer and consumer sizes for checkpoint records up to
     * {@link #MAX_MODEL_RECORD_BYTES}; passthrough last.
     *
     * @param applicationId the {@code application.id}
     * @param stateDir      the {@code state.dir}
     * @param streamThreads the {@code num.stream.threads}, &gt;= 1
     * @return the Streams properties
     */
    public Properties streamsProperties(String applicationId, java.nio.file.Path stateDir, int streamThreads) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(streamThreads));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Integer.toString(MAX_MODEL_RECORD_BYTES));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Integer.toString(MAX_MODEL_RECORD_BYTES));
        p.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "INFO");
        return withPassthrough(p);
    }

    /**
     * Properties for a consumer that reads a topic by assignment, without a group (the model topic on start, the
     * producer's model follower, the demo's read-back): String keys, byte[] values, read-committed, never creating
     * the topic; passthrough last.
     *
     * @param clientId the {@code client.id}
     * @return the consumer properties
     */
    public Properties readerProperties(String clientId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a reader never creates what it reads: a model topic created by a consumer would not be compacted
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MODEL_RECORD_BYTES));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return withPassthrough(p);
    }

    /**
     * The producers' {@code batch.size}, bytes: 64 KiB rather than Kafka's 16 KiB, so a record stream spread over a
     * few partitions by key still fills batches worth compressing and sending (per-batch costs: a compression
     * stream, a checksum, a request entry), at most 64 KiB of buffer per partition being filled.
     */
    public static final int BATCH_SIZE = 64 * 1024;

    /** The largest model record tickforge writes or reads, in bytes (the model topic's {@code max.message.bytes}). */
    public static final int MAX_MODEL_RECORD_BYTES = 16 * 1024 * 1024;

    private Properties withPassthrough(Map<String, Object> defaults) {
        Properties props = new Properties();
        props.putAll(defaults);
        props.putAll(passthrough);
        return props;
    }
}
