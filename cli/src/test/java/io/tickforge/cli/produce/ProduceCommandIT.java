package io.tickforge.cli.produce;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.TopicReader;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.producer.synth.SyntheticHeaders;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.JsonCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tickforge produce} on the embedded broker: the count, schema, keys and headers of what it publishes, the
 * same bytes from the same seed, start and model, and models taken from the model topic.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProduceCommandIT {
    private static final String MODEL = "timegan-SIM-TNY";
    private static final String START = "2026-01-05T14:30:00Z";

    @TempDir
    static Path dir;
    private static Path model;

    private final EmbeddedKafkaBroker broker;
    private final StringWriter out = new StringWriter();

    ProduceCommandIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    static void trainModel() throws Exception {
        model = TinyModel.write(dir, MODEL, 5);
    }

    private int produce(String topic, String... more) {
        List<String> args = new ArrayList<>(List.of("produce", "--bootstrap", broker.bootstrapServers(), "--topic",
                topic, "--models-topic", topic + ".models"));
        if (!List.of(more).contains("--metrics-port")) {
            args.addAll(List.of("--metrics-port", "0"));
        }
        args.addAll(List.of(more));
        return Tickforge.run(new PrintWriter(out, true), new PrintWriter(out, true), args.toArray(new String[0]));
    }

    /** The model file alone, as fast as possible, event time from a fixed start. */
    private int produceFromFile(String topic, String... more) {
        List<String> args = new ArrayList<>(List.of("--model-file", model.toString(), "--no-follow", "--pace", "max",
                "--start", START, "--rate", "max", "--instruments", "3", "--seed", "11"));
        args.addAll(List.of(more));
        return produce(topic, args.toArray(new String[0]));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldPublishExactlyCountValidTicksKeyedByInstrumentWhenGivenACount() {
        int code = produceFromFile("count.synthetic", "--count", "1000");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                "count.synthetic", 1000);
        assertThat(code).as(out.toString()).isZero();
        assertThat(records).hasSize(1000);
        assertThat(records).extracting(ConsumerRecord::key)
                .allSatisfy(k -> assertThat(k).matches("SYN-SIM-TNY-000[1-3]"));
        assertThat(records).allSatisfy(r -> {
            Tick tick = JsonCodec.tick().decode(r.value());
            assertThat(tick.symbol()).isEqualTo(r.key());
            assertThat(r.timestamp()).isEqualTo(tick.ts());
        });
        assertThat(out.toString()).contains("Sent 1000 synthetic records").contains("1000 acknowledged, 0 failed");
    }

    @Test
    void shouldCarryTheSyntheticModelAndStreamHeadersOnEveryRecordWhenPublishing() {
        int code = produceFromFile("headers.synthetic", "--count", "300");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                "headers.synthetic", 300);
        assertThat(code).as(out.toString()).isZero();
        assertThat(records).hasSize(300).allSatisfy(r -> {
            assertThat(header(r, SyntheticHeaders.SYNTHETIC)).isEqualTo("true");
            assertThat(header(r, SyntheticHeaders.MODEL_NAME)).isEqualTo(MODEL);
            assertThat(header(r, SyntheticHeaders.MODEL_VERSION)).isEqualTo("1");
            assertThat(header(r, SyntheticHeaders.STREAM_ID)).isEqualTo(r.key());
            assertThat(header(r, SyntheticHeaders.STREAM_SEQ)).matches("\\d+");
        });
    }

    @Test
    void shouldPublishValidAvroBarsWhenAskedForBarsInAvro() {
        int code = produceFromFile("bars.synthetic", "--count", "200", "--output", "bars", "--format", "avro");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                "bars.synthetic", 200);
        assertThat(code).as(out.toString()).isZero();
        assertThat(records).hasSize(200).allSatisfy(r -> {
            Bar bar = AvroCodec.bar().decode(r.value());
            assertThat(bar.symbol()).isEqualTo(r.key());
            assertThat(bar.intervalMs()).isEqualTo(TinyModel.BAR_MS);
        });
    }

    @Test
    void shouldPublishByteIdenticalKeysAndValuesWhenRunTwiceWithTheSameSeedStartAndModel() {
        int first = produceFromFile("twice-a.synthetic", "--count", "2000");
        int second = produceFromFile("twice-b.synthetic", "--count", "2000");

        List<ConsumerRecord<String, byte[]>> a = ordered(TopicReader.readAll(broker.bootstrapServers(),
                "twice-a.synthetic", 2000));
        List<ConsumerRecord<String, byte[]>> b = ordered(TopicReader.readAll(broker.bootstrapServers(),
                "twice-b.synthetic", 2000));
        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(a).hasSize(2000);
        assertThat(b).hasSize(2000);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).partition()).isEqualTo(a.get(i).partition());
            assertThat(b.get(i).key()).isEqualTo(a.get(i).key());
            assertThat(b.get(i).value()).as("value of record %d", i).isEqualTo(a.get(i).value());
        }
    }

    @Test
    void shouldServeAModelPublishedOnTheModelTopicWhenFollowingIt() throws Exception {
        String topic = "follow.synthetic";
        KafkaConnection connection = new KafkaConnection(broker.bootstrapServers(), Map.of());
        Topics.ensure(connection, topic + ".models", 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(connection.producerProperties("it"))) {
            producer.send(new ProducerRecord<>(topic + ".models", MODEL, TinyModel.train(MODEL, 6))).get();
        }

        int code = produce(topic, "--pace", "max", "--rate", "5000", "--count", "100", "--instruments", "2");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(), topic, 100);
        assertThat(code).as(out.toString()).isZero();
        assertThat(records).hasSize(100).allSatisfy(r ->
                assertThat(header(r, SyntheticHeaders.MODEL_NAME)).isEqualTo(MODEL));
        assertThat(out.toString()).contains("Serving " + MODEL + " v1");
    }

    @Test
    void shouldServeTheProducerAndKafkaClientMetricsAndAHealthyProbeWhileRunning() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> produce("metrics.synthetic",
                "--model-file", model.toString(), "--no-follow", "--pace", "max", "--rate", "2000", "--count", "20000",
                "--metrics-port", Integer.toString(port), "--metrics-host", "127.0.0.1"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !run.isDone()
                && (health == null || !health.body().contains("RUNNING"))) {
            Thread.sleep(100);
            try {
                health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                // the endpoint starts with the service
            }
        }
        assertThat(run.isDone()).as(out.toString()).isFalse();
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        int code = run.get(2, TimeUnit.MINUTES);

        assertThat(health).isNotNull();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"state\":\"RUNNING\"");
        assertThat(metrics.body()).contains("tickforge_producer_records_sent")
                .contains("tickforge_producer_publish_delay").contains("kafka_producer_record_send_total");
        assertThat(code).as(out.toString()).isZero();
    }

    private static List<ConsumerRecord<String, byte[]>> ordered(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return sorted;
    }
}
