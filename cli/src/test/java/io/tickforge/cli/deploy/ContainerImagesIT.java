package io.tickforge.cli.deploy;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image tarballs of this build ({@code mvn -Pimages}, or {@code -Pimages,offline-base} where no registry can be
 * reached): what their configs say, and that they run, as their own unprivileged user, without a container engine
 * (see {@link ContainerImage}). Without {@code -Pimages} there are no tarballs and every test is skipped; running
 * them needs root and util-linux {@code unshare}.
 */
@EnabledIfSystemProperty(named = "tickforge.image.dir", matches = ".+",
        disabledReason = "image tarballs are built with -Pimages")
@ExtendWith(EmbeddedKafkaExtension.class)
class ContainerImagesIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, Path> ROOTS = new HashMap<>();

    @TempDir
    static Path work;

    private static Path dir;
    private static String repository;
    private static String tag;

    private final EmbeddedKafkaBroker broker;

    ContainerImagesIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    static void images() {
        String d = System.getProperty("tickforge.image.dir");
        assumeTrue(d != null && Files.isRegularFile(Path.of(d, "tickforge-trainer.tar")),
                "no image tarballs in this build: run mvn -Pimages (or -Pimages,offline-base without a registry)");
        dir = Path.of(d);
        repository = System.getProperty("tickforge.image.repository", "tickforge");
        tag = System.getProperty("tickforge.image.tag");
    }

    private static ContainerImage image(String name) throws IOException {
        return ContainerImage.read(dir.resolve("tickforge-" + name + ".tar"));
    }

    /** Unpacks an image once per set of layers (the three images share theirs). */
    private static synchronized Path root(ContainerImage image) throws IOException {
        assumeTrue(ContainerImage.canRun(), "running an image without a container engine needs root and unshare");
        String key = String.join(",", image.layers());
        Path root = ROOTS.get(key);
        if (root == null) {
            root = work.resolve("root" + ROOTS.size());
            image.unpack(root);
            ROOTS.put(key, root);
        }
        return root;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @CsvSource({"trainer, trainer, 9400", "producer, produce, 9401", "cli, '', ''"})
    void shouldRunItsCommandAsAnUnprivilegedUserWithContainerJvmFlagsWhenBuilt(String name, String command,
                                                                              String port) throws IOException {
        ContainerImage image = image(name);

        assertThat(image.repoTags()).containsExactly(repository + "/" + name + ":" + tag);
        assertThat(image.user()).isEqualTo("10001:10001");
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                "-Duser.home=/var/lib/tickforge").contains("io.tickforge.cli.Tickforge");
        if (command.isEmpty()) {
            assertThat(entrypoint).endsWith("io.tickforge.cli.Tickforge");
        } else {
            assertThat(entrypoint).endsWith("io.tickforge.cli.Tickforge", command);
            assertThat(image.runConfig().path("ExposedPorts").has(port + "/tcp")).as("exposes %s", port).isTrue();
        }
        assertThat(image.env()).contains("OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1");
        assertThat(image.runConfig().path("WorkingDir").asText()).isEqualTo("/var/lib/tickforge");
    }

    @ParameterizedTest
    @CsvSource({"trainer, 'Usage: tickforge trainer'", "producer, 'Usage: tickforge produce'", "cli, 'Usage: tickforge'"})
    void shouldPrintItsUsageWhenRunWithItsDefaultArguments(String name, String usage) throws Exception {
        ContainerImage image = image(name);
        Path root = root(image);
        Path log = work.resolve(name + "-help.log");

        Process p = image.start(root, log, List.of("--help"));

        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(ContainerImage.text(log)).isZero();
        assertThat(ContainerImage.text(log)).contains(usage);
    }

    /** Waits for {@code /health} to answer 200 and returns {@code /metrics}. */
    private static String awaitHealthy(Process p, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline && (health == null || health.statusCode() != 200)) {
            Thread.sleep(500);
            try {
                health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                health = null;
            }
        }
        assertThat(health).as(ContainerImage.text(log)).isNotNull();
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void shouldServeHealthAndMetricsAsItsOwnUserWhenTheProducerImageRunsAgainstABroker() throws Exception {
        ContainerImage image = image("producer");
        Path root = root(image);
        Path log = work.resolve("producer.log");
        int port = freePort();

        Process p = image.start(root, log, List.of("--bootstrap", broker.bootstrapServers(), "--metrics-host",
                "127.0.0.1", "--metrics-port", Integer.toString(port), "--topic", "images.synthetic",
                "--models-topic", "images.producer.models"));
        try {
            String metrics = awaitHealthy(p, port, log);

            // up while it waits for a first model; its meters and its Kafka producer's exist from the start
            assertThat(metrics).contains("tickforge_producer_records_sent_records_total",
                    "tickforge_producer_rate_target_records_per_second", "kafka_producer_record_send_total");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldServeHealthAndMetricsAsItsOwnUserWhenTheTrainerImageRunsAgainstABroker() throws Exception {
        ContainerImage image = image("trainer");
        Path root = root(image);
        Path log = work.resolve("trainer.log");
        int port = freePort();

        Process p = image.start(root, log, List.of("--bootstrap", broker.bootstrapServers(), "--metrics-host",
                "127.0.0.1", "--metrics-port", Integer.toString(port), "--application-id", "images-it", "--topic",
                "images.ticks", "--dlq-topic", "images.ticks.dlq", "--models-topic", "images.models"));
        try {
            String metrics = awaitHealthy(p, port, log);

            assertThat(metrics).contains("tickforge_trainer_records_in_total", "kafka_stream_alive_stream_threads");
            // its Kafka Streams state went under the image's home, owned by the image's user
            Path state = root.resolve("var/lib/tickforge/.tickforge/trainer-state");
            assertThat(state).isDirectory();
            assertThat(Files.getAttribute(state, "unix:uid")).isEqualTo(10001);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldTrainWithItsNativeLibrariesWhenTheCliImageRunsTrainAsItsOwnUser() throws Exception {
        ContainerImage image = image("cli");
        Path root = root(image);
        Path log = work.resolve("train.log");

        Process p = image.start(root, log, List.of("train", "--csv", "sine:200x6x2", "--out", "/tmp/images-it.tgan",
                "--iterations", "5", "--hidden", "4", "--layers", "2", "--batch", "8", "--seq-len", "6"));

        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(ContainerImage.text(log)).isZero();
        Path model = root.resolve("tmp/images-it.tgan");
        assertThat(model).isRegularFile();
        assertThat(Files.getAttribute(model, "unix:uid")).isEqualTo(10001);
        // ND4J and OpenBLAS unpacked their natives under the image's home
        assertThat(root.resolve("var/lib/tickforge/.javacpp/cache")).isDirectory();
    }
}
