package io.tickforge.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import io.tickforge.cli.Tickforge;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The metrics reference against the running services. On the embedded broker, the real commands run in-process,
 * small enough to train within a minute: {@code simulate} feeds ticks (and one malformed record), {@code trainer}
 * publishes a model per symbol, {@code produce} serves them (and is sent one corrupt checkpoint), and a second
 * {@code produce} whose sends all fail (its {@code max.request.size} is below any record). Their {@code /metrics}
 * are scraped, and:
 * <ul>
 *   <li>every metric name the Grafana dashboards and the alert rules read is in a scrape;</li>
 *   <li>every tickforge metric family of the scrapes is in README's metrics reference;</li>
 *   <li>a real Prometheus (Debian's {@code prometheus}, when installed) scrapes them on loopback, returns their
 *       series from its HTTP API, evaluates every dashboard query and every rule without error, and raises the
 *       send-errors alert for the failing producer.</li>
 * </ul>
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsReferenceIT {
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final Pattern METRICS_URL = Pattern.compile("Metrics on http://[^:/]+:(\\d+)/metrics");
    /** Series Prometheus makes itself for every target, not in any /metrics. */
    private static final Set<String> PROMETHEUS_MADE = Set.of("up");

    private final EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Service> services = new ArrayList<>();
    private Service trainer;
    private Service producer;
    private Service failingProducer;

    private Path work;

    MetricsReferenceIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** A tickforge command running on its own thread, its output captured. */
    private static final class Service {
        final String name;
        final StringWriter output = new StringWriter();
        final Thread thread;
        volatile int exitCode = -1;
        int port;

        Service(String name, String... args) {
            this.name = name;
            PrintWriter out = new PrintWriter(output, true);
            this.thread = new Thread(() -> exitCode = Tickforge.run(out, out, args), "it-" + name);
            thread.setDaemon(true);
        }

        String output() {
            return output.toString();
        }
    }

    private Service start(String name, String... args) throws InterruptedException {
        Service s = new Service(name, args);
        services.add(s);
        s.thread.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && s.thread.isAlive()) {
            Matcher m = METRICS_URL.matcher(s.output());
            if (m.find()) {
                s.port = Integer.parseInt(m.group(1));
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start (exit code " + s.exitCode + "):\n" + s.output());
    }

    private String scrape(Service s) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void awaitScrape(Service s, Predicate<String> done, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline && s.thread.isAlive()) {
            last = scrape(s);
            if (done.test(last)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(s.name + ": " + what + " not seen in time; output:\n" + s.output());
    }

    @BeforeAll
    void startServices(@TempDir Path dir) throws Exception {
        work = dir;
        String bootstrap = broker.bootstrapServers();
        StringWriter simulated = new StringWriter();
        assertThat(Tickforge.run(new PrintWriter(simulated, true), new PrintWriter(simulated, true), "simulate",
                "--bootstrap", bootstrap, "--partitions", "2", "--symbols", "2", "--rate", "20000", "--count",
                "60000", "--seed", "7", "--start", "2026-01-02T14:30:00Z")).as(simulated.toString()).isZero();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>("market.ticks", "SIM-BAD", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }

        trainer = start("trainer", "trainer", "--bootstrap", bootstrap, "--metrics-host", "127.0.0.1",
                "--metrics-port", "0", "--state-dir", work.resolve("trainer-state").toString(), "--partitions", "2",
                "--bar-interval", "10ms", "--grace", "20ms", "--window", "400", "--min-bars", "150",
                "--retrain-interval", "1h", "--retrain-every-bars", "100000", "--check-interval", "100ms",
                "--steps", "6", "--hidden", "4", "--layers", "2", "--batch", "16", "--cold-iterations", "30",
                "--warm-iterations", "10", "--gate-disc-iterations", "20", "--gate-pred-iterations", "20",
                "--gate-repeats", "1", "--gate-tolerance", "0.5", "--deadline", "2m");
        awaitScrape(trainer, s -> s.lines().filter(l -> l.startsWith("tickforge_trainer_model_version{")).count() >= 2,
                "a model per symbol");

        producer = start("producer", "produce", "--bootstrap", bootstrap, "--metrics-host", "127.0.0.1",
                "--metrics-port", "0", "--instruments", "2", "--pace", "max", "--rate", "500");
        awaitScrape(producer, s -> value(s, "tickforge_producer_records_sent_records_total") > 0, "acknowledged records");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>("tickforge.models", "timegan-SIM-BROKEN",
                    "not a checkpoint".getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitScrape(producer, s -> s.contains("tickforge_producer_models_rejected_checkpoints_total{"),
                "a rejected checkpoint");

        failingProducer = start("failing-producer", "produce", "--bootstrap", bootstrap, "--metrics-host",
                "127.0.0.1", "--metrics-port", "0", "--instruments", "1", "--pace", "max", "--rate", "50",
                "--kafka", "max.request.size=64");
        awaitScrape(failingProducer, s -> s.contains("tickforge_producer_send_errors_records_total{"),
                "failed sends");
    }

    @AfterAll
    void stopServices() throws InterruptedException {
        for (Service s : services) {
            s.thread.interrupt();
        }
        for (Service s : services) {
            s.thread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /** @return the value of an unlabelled sample, or -1 */
    private static double value(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst().orElse(-1);
    }

    /** @return the sample names of a scrape (histogram buckets, counts and sums included) */
    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int end = 0;
            while (end < l.length() && l.charAt(end) != '{' && l.charAt(end) != ' ') {
                end++;
            }
            names.add(l.substring(0, end));
        });
        return names;
    }

    private Map<String, String> scrapes() throws IOException, InterruptedException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("trainer", scrape(trainer));
        out.put("producer", scrape(producer));
        out.put("failing producer", scrape(failingProducer));
        return out;
    }

    @Test
    void shouldFindEveryMetricOfTheDashboardsAndAlertRulesWhenTheServicesAreScraped() throws Exception {
        Set<String> scraped = new TreeSet<>(PROMETHEUS_MADE);
        scrapes().values().forEach(s -> scraped.addAll(sampleNames(s)));
        Set<String> referenced = DeployFiles.metricNames();

        assertThat(referenced).as("names read from the dashboards and rules").hasSizeGreaterThan(60)
                .anyMatch(n -> n.startsWith("tickforge_trainer_")).anyMatch(n -> n.startsWith("tickforge_producer_"))
                .anyMatch(n -> n.startsWith("kafka_"));
        Set<String> missing = new TreeSet<>(referenced);
        missing.removeAll(scraped);
        assertThat(missing).as("metric names in deploy/grafana and deploy/prometheus but in no scrape").isEmpty();
    }

    @Test
    void shouldDocumentEveryTickforgeMetricInTheReadmeWhenTheServicesAreScraped() throws Exception {
        String readme = Files.readString(DeployFiles.root().resolve("README.md"));
        Set<String> families = new TreeSet<>();
        for (String scrape : scrapes().values()) {
            Map<String, String> types = new LinkedHashMap<>();
            scrape.lines().filter(l -> l.startsWith("# TYPE tickforge_")).forEach(l -> {
                String[] parts = l.split(" ");
                types.put(parts[2], parts[3]);
            });
            types.keySet().stream()
                    .filter(f -> !(f.endsWith("_max") && types.containsKey(f.substring(0, f.length() - 4))))
                    .forEach(families::add);
        }

        assertThat(families).hasSizeGreaterThan(25);
        assertThat(families).allSatisfy(f -> assertThat(readme).as("README's metrics reference lists " + f)
                .containsPattern("\\| `" + Pattern.quote(f) + "(\\{[a-z_,]+})?` \\|"));
    }

    // ------------------------------------------------------------------------------------ a real Prometheus

    @Test
    void shouldServeTheServicesSeriesAndEvaluateEveryQueryWhenARealPrometheusScrapesThem() throws Exception {
        assumeTrue(DeployFilesTest.onPath("prometheus"),
                "prometheus is not installed (Debian: apt-get install prometheus; .ci/run does)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = work.resolve("prometheus.yml");
        Path rules = DeployFiles.ruleFiles().get(0).toAbsolutePath();
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules,
                "scrape_configs:",
                "  - job_name: tickforge-trainer",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + trainer.port + "']",
                "  - job_name: tickforge-producer",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + producer.port + "', '127.0.0.1:" + failingProducer.port + "']",
                ""));
        Path log = work.resolve("prometheus.log");
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String api = "http://127.0.0.1:" + port;
        try {
            await(() -> get(api + "/-/ready").statusCode() == 200, "Prometheus ready", log);
            await(() -> query(api, "up == 1").size() == 3, "three targets up", log);
            Thread.sleep(5_000); // a few scrapes, so rate() and increase() have samples

            assertThat(labels(query(api, "tickforge_trainer_records_in_total"), "job"))
                    .containsExactly("tickforge-trainer");
            assertThat(labels(query(api, "tickforge_producer_records_sent_records_total"), "instance"))
                    .containsExactlyInAnyOrder("127.0.0.1:" + producer.port, "127.0.0.1:" + failingProducer.port);
            assertThat(query(api, "kafka_stream_alive_stream_threads")).isNotEmpty();
            assertThat(query(api, "tickforge_trainer_dlq_records_total{reason=\"malformed\"} > 0")).hasSize(1);
            assertThat(labels(query(api, "tickforge_trainer_model_version"), "model"))
                    .containsExactlyInAnyOrder("timegan-SIM-XHJ", "timegan-SIM-VJCY");

            List<String> failed = new ArrayList<>();
            for (String expression : DeployFiles.expressions()) {
                String promql = PromQl.asPromQl(expression).replace("$__rate_interval", "1m")
                        .replaceAll("\\$[a-z_]+", ".*");
                JsonNode answer = json.readTree(get(api + "/api/v1/query?query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body());
                if (!"success".equals(answer.path("status").asText())) {
                    failed.add(promql + " -> " + answer.path("error").asText());
                }
            }
            assertThat(failed).as("dashboard and rule expressions Prometheus cannot evaluate").isEmpty();

            await(() -> ruleHealth(api).stream().noneMatch("unknown"::equals), "every rule evaluated", log);
            assertThat(ruleHealth(api)).hasSize(DeployFiles.rules().size()).containsOnly("ok");
            await(() -> alerts(api).contains("TickforgeProducerSendErrors"), "the send-errors alert", log);
        } finally {
            prometheus.destroy();
            prometheus.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> query(String api, String promql) throws IOException, InterruptedException {
        JsonNode answer = json.readTree(get(api + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body());
        assertThat(answer.path("status").asText()).as(promql + ": " + answer).isEqualTo("success");
        List<JsonNode> out = new ArrayList<>();
        answer.path("data").path("result").forEach(out::add);
        return out;
    }

    private static Set<String> labels(List<JsonNode> series, String label) {
        Set<String> out = new LinkedHashSet<>();
        series.forEach(s -> out.add(s.path("metric").path(label).asText()));
        return out;
    }

    private List<String> ruleHealth(String api) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        json.readTree(get(api + "/api/v1/rules").body()).path("data").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> out.add(r.path("health").asText())));
        return out;
    }

    private List<String> alerts(String api) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        json.readTree(get(api + "/api/v1/alerts").body()).path("data").path("alerts")
                .forEach(a -> out.add(a.path("labels").path("alertname").asText()));
        return out;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " not seen in time; Prometheus log:\n" + Files.readString(log));
    }
}
