package io.tickforge.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.options.ConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/} parses and holds together: compose, the Kubernetes manifests, the Prometheus configs and rules,
 * the Grafana provisioning and dashboards, and the tickforge settings they pass (checked against the real flags).
 */
@SuppressWarnings("unchecked")
class DeployFilesTest {
    private static final Map<String, String> IMAGES = Map.of("trainer", "trainer", "producer", "producer",
            "simulator", "cli");
    private static final Map<String, Integer> METRICS_PORTS = Map.of("trainer", 9400, "producer", 9401);

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static Map<String, Object> services() {
        return map(DeployFiles.compose().get("services"));
    }

    private static Map<String, Object> k8s(String kind, String name) {
        return DeployFiles.k8sObjects().stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container(Map<String, Object> workload, String name) {
        return list(podSpec(workload).get("containers")).stream().map(DeployFilesTest::map)
                .filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------ compose

    @Test
    void shouldRunTheWholeStackWhenComposeComesUp() {
        Map<String, Object> services = services();

        assertThat(services).containsOnlyKeys("kafka", "trainer", "producer", "simulator", "prometheus", "grafana");
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(map(kafka.get("environment"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS").containsKey("CLUSTER_ID");
        assertThat(map(kafka.get("healthcheck"))).containsKey("test");
        assertThat(list(map(services.get("simulator")).get("profiles"))).containsExactly("simulator");
        services.forEach((name, s) -> {
            if (!name.equals("simulator")) {
                assertThat(map(s)).as(name + " runs without a profile").doesNotContainKey("profiles");
            }
        });
        for (String tickforge : IMAGES.keySet()) {
            Map<String, Object> s = map(services.get(tickforge));
            assertThat(map(map(s.get("depends_on")).get("kafka"))).as(tickforge)
                    .containsEntry("condition", "service_healthy");
            assertThat(list(s.get("command"))).as(tickforge).containsSubsequence("--config",
                    "/etc/tickforge/tickforge.properties");
            assertThat(list(s.get("volumes"))).as(tickforge)
                    .contains("./tickforge.properties:/etc/tickforge/tickforge.properties:ro");
        }
        assertThat(list(map(services.get("simulator")).get("command"))).startsWith("simulate");
    }

    @Test
    void shouldMountFilesThatExistWhenComposeBindsHostPaths() {
        Path compose = DeployFiles.deploy().resolve("compose");
        List<String> binds = new ArrayList<>();
        services().values().forEach(s -> list(map(s).get("volumes")).forEach(v -> {
            String source = String.valueOf(v).split(":")[0];
            if (source.startsWith(".")) {
                binds.add(source);
            }
        }));

        assertThat(binds).contains("./tickforge.properties", "../prometheus", "../grafana/provisioning",
                "../grafana/dashboards");
        assertThat(binds).allSatisfy(b -> assertThat(compose.resolve(b).normalize()).exists());
    }

    @Test
    void shouldScrapeTheComposeServicesOnTheirMetricsPortsWhenPrometheusRuns() {
        Map<String, Object> prometheus = DeployFiles.yaml(DeployFiles.deploy().resolve("prometheus/prometheus.yml"));
        Map<String, String> targets = new LinkedHashMap<>();
        list(prometheus.get("scrape_configs")).forEach(c -> targets.put(String.valueOf(map(c).get("job_name")),
                String.valueOf(list(map(list(map(c).get("static_configs")).get(0)).get("targets")).get(0))));
        Map<String, String> settings = DeployFiles.properties(read("compose/tickforge.properties"));

        assertThat(targets).containsEntry("tickforge-trainer", "trainer:9400")
                .containsEntry("tickforge-producer", "producer:9401");
        assertThat(settings).containsEntry("trainer.metrics-port", "9400").containsEntry("produce.metrics-port", "9401")
                .containsEntry("bootstrap", "kafka:9092");
        assertThat(list(map(services().get("trainer")).get("ports"))).contains("9400:9400");
        assertThat(list(map(services().get("producer")).get("ports"))).contains("9401:9401");
        assertThat(list(prometheus.get("rule_files"))).allSatisfy(f ->
                assertThat(DeployFiles.deploy().resolve("prometheus").resolve(String.valueOf(f))).isRegularFile());
        assertThat(list(map(services().get("prometheus")).get("volumes"))).contains("../prometheus:/etc/prometheus:ro");
    }

    // ----------------------------------------------------------------------------------------------- images

    @Test
    void shouldNameTheImagesAsTheBuildTagsThemWhenComposeAndKubernetesRunThem() {
        IMAGES.forEach((service, image) -> assertThat(DeployFiles.withDefaults(
                String.valueOf(map(services().get(service)).get("image")))).as(service)
                .isEqualTo(DeployFiles.imageName(image)));
        assertThat(container(k8s("Deployment", "tickforge-trainer"), "trainer").get("image"))
                .isEqualTo(DeployFiles.imageName("trainer"));
        assertThat(container(k8s("StatefulSet", "tickforge-producer"), "producer").get("image"))
                .isEqualTo(DeployFiles.imageName("producer"));
    }

    // ------------------------------------------------------------------------------------------- kubernetes

    @Test
    void shouldParseEveryManifestIntoNamespacedObjectsWhenKubernetesReadsThem() {
        List<Map<String, Object>> objects = DeployFiles.k8sObjects();
        Set<String> kinds = new TreeSet<>();
        objects.forEach(o -> kinds.add(o.get("kind") + "/" + map(o.get("metadata")).get("name")));

        assertThat(kinds).contains("Namespace/tickforge", "ConfigMap/tickforge-config",
                "Deployment/tickforge-trainer", "Service/tickforge-trainer-metrics", "StatefulSet/tickforge-producer",
                "Service/tickforge-producer-metrics", "StatefulSet/kafka", "Service/kafka");
        objects.stream().filter(o -> !"Namespace".equals(o.get("kind"))).forEach(o ->
                assertThat(map(o.get("metadata"))).as(String.valueOf(o.get("kind"))).containsEntry("namespace",
                        "tickforge"));
        Map<String, Object> kustomization = DeployFiles.yaml(DeployFiles.deploy().resolve("k8s/kustomization.yaml"));
        assertThat(list(kustomization.get("resources"))).allSatisfy(r ->
                assertThat(DeployFiles.deploy().resolve("k8s").resolve(String.valueOf(r))).isRegularFile());
    }

    @Test
    void shouldProbeHealthAndRequestResourcesAsTheImagesUserWhenKubernetesRunsTheServices() {
        Map<String, Map<String, Object>> workloads = Map.of("trainer", k8s("Deployment", "tickforge-trainer"),
                "producer", k8s("StatefulSet", "tickforge-producer"));
        workloads.forEach((name, workload) -> {
            Map<String, Object> c = container(workload, name);
            Map<String, Object> port = map(list(c.get("ports")).get(0));
            assertThat(port).containsEntry("name", "metrics").containsEntry("containerPort", METRICS_PORTS.get(name));
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                Map<String, Object> get = map(map(c.get(probe)).get("httpGet"));
                assertThat(get).as(name + " " + probe).containsEntry("path", "/health").containsEntry("port", "metrics");
            }
            Map<String, Object> resources = map(c.get("resources"));
            assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(name).containsKey("memory");
            Map<String, Object> security = map(podSpec(workload).get("securityContext"));
            assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
            assertThat(map(c.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(list(c.get("volumeMounts")).stream().map(m -> map(m).get("mountPath")))
                    .as(name + " has writable home and /tmp").contains("/var/lib/tickforge", "/tmp");
            Map<String, Object> annotations = map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
                    .get("annotations"));
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(METRICS_PORTS.get(name)));
        });
    }

    @Test
    void shouldSelectEachServicesPodsWhenPrometheusResolvesTheHeadlessServices() {
        Map<String, Object> prometheus = DeployFiles.yaml(
                DeployFiles.deploy().resolve("prometheus/prometheus-kubernetes.yml"));
        Map<String, Map<String, Object>> workloads = Map.of("trainer", k8s("Deployment", "tickforge-trainer"),
                "producer", k8s("StatefulSet", "tickforge-producer"));
        workloads.forEach((name, workload) -> {
            Map<String, Object> service = k8s("Service", "tickforge-" + name + "-metrics");
            Map<String, Object> spec = map(service.get("spec"));
            Map<String, Object> podLabels = map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
                    .get("labels"));
            assertThat(spec.get("clusterIP")).isEqualTo("None");
            assertThat(podLabels).containsAllEntriesOf(map(spec.get("selector")).entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue())));
            assertThat(map(list(spec.get("ports")).get(0))).containsEntry("port", METRICS_PORTS.get(name));
            Map<String, Object> job = list(prometheus.get("scrape_configs")).stream().map(DeployFilesTest::map)
                    .filter(j -> ("tickforge-" + name).equals(j.get("job_name"))).findFirst().orElseThrow();
            Map<String, Object> dns = map(list(job.get("dns_sd_configs")).get(0));
            assertThat(list(dns.get("names"))).containsExactly("tickforge-" + name + "-metrics.tickforge.svc.cluster.local");
            assertThat(dns.get("port")).isEqualTo(METRICS_PORTS.get(name));
        });
        assertThat(map(k8s("StatefulSet", "tickforge-producer").get("spec")))
                .containsEntry("serviceName", "tickforge-producer-metrics");
    }

    @Test
    void shouldGiveEachProducerReplicaItsOwnRangeOfInstrumentsWhenTheInitContainerRuns(@TempDir Path dir)
            throws Exception {
        Map<String, Object> init = map(list(podSpec(k8s("StatefulSet", "tickforge-producer"))
                .get("initContainers")).get(0));
        List<Object> command = list(init.get("command"));
        Path config = dir.resolve("tickforge.properties");
        Files.writeString(config, configMapProperties());
        int instruments = Integer.parseInt(DeployFiles.properties(configMapProperties()).get("produce.instruments"));

        Set<Integer> served = new HashSet<>();
        for (int replica = 0; replica < 4; replica++) {
            Path replicaConfig = dir.resolve("replica-" + replica + ".properties");
            ProcessBuilder pb = new ProcessBuilder(command.get(0).toString(), command.get(1).toString(),
                    command.get(2).toString()).redirectErrorStream(true);
            pb.environment().put("POD_NAME", "tickforge-producer-" + replica);
            pb.environment().put("TICKFORGE_CONFIG", config.toString());
            pb.environment().put("TICKFORGE_REPLICA_CONFIG", replicaConfig.toString());
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(log).isZero();

            int first = (Integer) produceOption(replicaConfig, "--first-index");
            assertThat(first).isEqualTo(1 + replica * instruments);
            assertThat(produceOption(replicaConfig, "--instruments")).isEqualTo(instruments);
            for (int i = first; i < first + instruments; i++) {
                assertThat(served.add(i)).as("instrument %d served by one replica only", i).isTrue();
            }
        }
        assertThat(served).hasSize(4 * instruments);
    }

    private static Object produceOption(Path config, String option) {
        CommandLine cl = Tickforge.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.setDefaultValueProvider(ConfigFile.load(config));
        CommandLine.ParseResult result = cl.parseArgs("produce", "--config", config.toString());
        return result.subcommand().commandSpec().findOption(option).getValue();
    }

    private static String configMapProperties() {
        return String.valueOf(map(k8s("ConfigMap", "tickforge-config").get("data")).get("tickforge.properties"));
    }

    // ------------------------------------------------------------------------------------------- settings

    @Test
    void shouldNameOnlyRealFlagsOfTheirCommandsWhenTheSettingsFilesAreRead() {
        CommandLine cl = Tickforge.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Map<String, String> files = Map.of("compose/tickforge.properties", read("compose/tickforge.properties"),
                "k8s/config.yaml", configMapProperties());
        files.forEach((file, text) -> {
            Map<String, String> settings = DeployFiles.properties(text);
            assertThat(settings).as(file).isNotEmpty().containsKey("bootstrap");
            settings.keySet().stream().filter(k -> !k.startsWith("kafka.")).forEach(key -> {
                int dot = key.indexOf('.');
                if (dot < 0) {
                    assertThat(cl.getSubcommands().values()).as(file + ": " + key)
                            .anySatisfy(c -> assertThat(c.getCommandSpec().findOption("--" + key)).isNotNull());
                } else {
                    CommandLine sub = cl.getSubcommands().get(key.substring(0, dot));
                    assertThat(sub).as(file + ": no command " + key.substring(0, dot)).isNotNull();
                    assertThat(sub.getCommandSpec().findOption("--" + key.substring(dot + 1)))
                            .as(file + ": " + key).isNotNull();
                }
            });
        });
    }

    // ---------------------------------------------------------------------------------------------- grafana

    @Test
    void shouldDrawEveryPanelFromThePrometheusDatasourceWhenGrafanaProvisionsTheDashboards() {
        Map<String, Object> datasource = map(list(DeployFiles.yaml(DeployFiles.deploy()
                .resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
        Map<String, Object> provider = map(list(DeployFiles.yaml(DeployFiles.deploy()
                .resolve("grafana/provisioning/dashboards/tickforge.yml")).get("providers")).get(0));
        Map<String, JsonNode> dashboards = DeployFiles.dashboards();

        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(list(map(services().get("grafana")).get("volumes")))
                .contains("../grafana/dashboards:" + map(provider.get("options")).get("path") + ":ro");
        assertThat(dashboards).containsOnlyKeys("tickforge-producer.json", "tickforge-trainer.json",
                "tickforge-kafka-clients.json");
        Set<String> uids = new HashSet<>();
        dashboards.forEach((file, d) -> {
            assertThat(uids.add(d.path("uid").asText())).as(file + " uid").isTrue();
            JsonNode ds = d.path("templating").path("list").get(0);
            assertThat(ds.path("type").asText()).isEqualTo("datasource");
            assertThat(ds.path("current").path("value").asText()).isEqualTo(datasource.get("uid"));
            List<JsonNode> panels = new ArrayList<>();
            d.path("panels").forEach(panels::add);
            assertThat(panels).as(file).hasSizeGreaterThan(8);
            panels.stream().filter(p -> !"row".equals(p.path("type").asText())).forEach(p -> {
                assertThat(p.path("datasource").path("uid").asText()).as(file + " " + p.path("title"))
                        .isEqualTo("${datasource}");
                assertThat(p.path("targets")).as(file + " " + p.path("title")).isNotEmpty();
                p.path("targets").forEach(t -> assertThat(PromQl.metricNames(t.path("expr").asText()))
                        .as(file + " " + p.path("title") + ": " + t.path("expr").asText()).isNotEmpty());
            });
        });
    }

    @Test
    void shouldShowWhatTheIssueAsksForWhenTheDashboardsAreOpened() {
        Map<String, JsonNode> dashboards = DeployFiles.dashboards();

        assertThat(titles(dashboards.get("tickforge-producer.json"))).contains("Target against actual rate",
                "Publish delay", "Send latency", "Send errors", "Model version", "Model age");
        assertThat(titles(dashboards.get("tickforge-trainer.json"))).contains("Ticks in", "Bars per symbol",
                "Dead letters by reason", "Retrain duration", "Retrain outcomes", "Model scores over time");
        List<String> kafka = new ArrayList<>();
        DeployFiles.collectExpressions(dashboards.get("tickforge-kafka-clients.json"), kafka);
        assertThat(String.join("\n", kafka)).contains("kafka_producer_", "kafka_consumer_", "kafka_stream_");
    }

    private static List<String> titles(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> out.add(p.path("title").asText()));
        return out;
    }

    // ---------------------------------------------------------------------------------------------- alerts

    @Test
    void shouldAlertOnEachOperationalFailureWithATestedRuleWhenTheRulesLoad() {
        String ruleTests = read("prometheus/tickforge-rules.test.yml");
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        DeployFiles.rules().forEach(r -> alerts.put(String.valueOf(r.get("alert")), r));

        assertThat(alerts).containsKeys("TickforgeProducerBehindTarget", "TickforgeProducerSendErrors",
                "TickforgeModelStale", "TickforgeRetrainFailures", "TickforgeDeadLetterSpike");
        alerts.forEach((name, rule) -> {
            assertThat(map(rule.get("labels"))).as(name).containsKey("severity");
            assertThat(map(rule.get("annotations"))).as(name).containsKeys("summary", "description");
            assertThat(PromQl.metricNames(String.valueOf(rule.get("expr")))).as(name).isNotEmpty();
            assertThat(ruleTests).as(name + " has a promtool unit test").contains("alertname: " + name);
        });
    }

    @Test
    void shouldRenderTheManifestsWhenKustomizeBuildsThem() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed; the YAML checks above still ran");
        Process p = new ProcessBuilder("kubectl", "kustomize", DeployFiles.deploy().resolve("k8s").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String rendered = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        List<Object> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(rendered).forEach(docs::add);
        assertThat(docs).hasSize(DeployFiles.k8sObjects().size());
        assertThat(docs).allSatisfy(d -> assertThat(map(map(d).get("metadata")).get("labels")).asString()
                .contains("app.kubernetes.io/part-of=tickforge"));
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String read(String deployPath) {
        try {
            return Files.readString(DeployFiles.deploy().resolve(deployPath));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
