package io.tickforge.cli.produce;

import io.tickforge.broker.BrokerConfig;
import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.TopicReader;
import io.tickforge.producer.synth.SyntheticHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tickforge produce} while its broker is stopped and restarted on the same port and data directory: every
 * record arrives exactly once, as the per-instrument {@code tickforge.stream.seq} header shows (no gap, no repeat).
 * The broker is this class's own, since stopping it would disturb other tests.
 */
class ProduceBrokerRestartIT {
    private static final int COUNT = 30_000;

    @TempDir
    Path models;

    private Path dir;
    private EmbeddedKafkaBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        dir = Files.createTempDirectory("tickforge-produce-restart-");
        broker = new EmbeddedKafkaBroker(BrokerConfig.loopback(dir)).start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
        EmbeddedKafkaExtension.deleteRecursively(dir);
    }

    @Test
    void shouldLoseAndRepeatNoRecordWhenTheBrokerIsStoppedAndRestartedMidRun() throws Exception {
        Path model = TinyModel.write(models, "timegan-SIM-RST", 7);
        StringWriter out = new StringWriter();
        // 30,000 records at 2,000/s: about 15 s, with the broker away from about 3 s to 6 s
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Tickforge.run(new PrintWriter(out, true),
                new PrintWriter(out, true), "produce", "--bootstrap", broker.bootstrapServers(), "--topic",
                "restart.synthetic", "--model-file", model.toString(), "--no-follow", "--pace", "max", "--rate",
                "2000", "--count", Integer.toString(COUNT), "--instruments", "4", "--metrics-port", "0"));
        awaitOutput(out, "Producing synthetic");
        Thread.sleep(3_000);

        broker.stop();
        Thread.sleep(3_000);
        broker.start();
        int code = run.get(5, TimeUnit.MINUTES);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                "restart.synthetic", COUNT);
        assertThat(code).as(out.toString()).isZero();
        assertThat(records).hasSize(COUNT);
        Map<String, List<Long>> seqs = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            seqs.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Long.parseLong(new String(
                    r.headers().lastHeader(SyntheticHeaders.STREAM_SEQ).value(), StandardCharsets.UTF_8)));
        }
        assertThat(seqs).hasSize(4).allSatisfy((instrument, s) -> {
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < s.size(); i++) {
                expected.add(i);
            }
            assertThat(s).as("stream.seq of %s in partition order", instrument).isEqualTo(expected);
        });
    }

    private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains(text);
    }
}
