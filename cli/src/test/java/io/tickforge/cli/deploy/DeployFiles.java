package io.tickforge.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/} as data: compose, Kubernetes manifests, Prometheus configs and rules, Grafana
 * dashboards, and the PromQL expressions the dashboards and rules evaluate.
 */
final class DeployFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private DeployFiles() {
    }

    /** @return the repository's root (the directory holding {@code deploy/}), found upwards from the working dir */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("deploy")) && Files.isRegularFile(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** @return {@code deploy/} */
    static Path deploy() {
        return root().resolve("deploy");
    }

    /**
     * @param file a YAML file
     * @return its documents (maps, lists and scalars)
     */
    static List<Object> yamlDocuments(Path file) {
        List<Object> docs = new ArrayList<>();
        try {
            new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadAllFromString(Files.readString(file)).forEach(d -> {
                        if (d != null) {
                            docs.add(d);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /**
     * @param file a YAML file of one document, a mapping
     * @return the mapping
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        List<Object> docs = yamlDocuments(file);
        if (docs.size() != 1 || !(docs.get(0) instanceof Map)) {
            throw new IllegalArgumentException(file + " is not one YAML mapping");
        }
        return (Map<String, Object>) docs.get(0);
    }

    /** @return the compose file */
    static Map<String, Object> compose() {
        return yaml(deploy().resolve("compose/compose.yml"));
    }

    /** @return every Kubernetes object of {@code deploy/k8s/*.yaml} but the kustomization, by file */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> k8sObjects() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : files(deploy().resolve("k8s"), ".yaml")) {
            for (Object d : yamlDocuments(f)) {
                Map<String, Object> o = (Map<String, Object>) d;
                if (!"Kustomization".equals(o.get("kind"))) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** @return the Grafana dashboards, by file name */
    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Path f : files(deploy().resolve("grafana/dashboards"), ".json")) {
            try {
                out.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(f + " is not JSON", e);
            }
        }
        return out;
    }

    /** @return the alert rule files, {@code deploy/prometheus/*rules.yml} (not their unit tests) */
    static List<Path> ruleFiles() {
        return files(deploy().resolve("prometheus"), "rules.yml");
    }

    /** @return every alert or recording rule of the rule files */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : ruleFiles()) {
            for (Object g : (List<Object>) yaml(f).get("groups")) {
                out.addAll((List<Map<String, Object>>) ((Map<String, Object>) g).get("rules"));
            }
        }
        return out;
    }

    /** @return every PromQL expression of the dashboards (targets and variable queries) and the rules */
    static List<String> expressions() {
        List<String> out = new ArrayList<>();
        dashboards().values().forEach(d -> collectExpressions(d, out));
        rules().forEach(r -> out.add(String.valueOf(r.get("expr"))));
        return out;
    }

    /**
     * @param dashboard a dashboard
     * @param out       where its expressions go: every {@code expr}, and the query of every query variable
     */
    static void collectExpressions(JsonNode dashboard, List<String> out) {
        dashboard.findValues("expr").forEach(e -> out.add(e.asText()));
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if ("query".equals(v.path("type").asText())) {
                JsonNode q = v.path("query");
                out.add(q.isObject() ? q.path("query").asText() : q.asText());
            }
        }
    }

    /** @return every metric name the dashboards and the rules read */
    static Set<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        expressions().forEach(e -> names.addAll(PromQl.metricNames(e)));
        return names;
    }

    /**
     * @param value a compose value such as {@code ${TICKFORGE_VERSION:-0.1.0-SNAPSHOT}}
     * @return it with every {@code ${VAR:-default}} replaced by its default, as compose does with VAR unset
     */
    static String withDefaults(String value) {
        Matcher m = DEFAULTED.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }

    /**
     * @param text a properties file's text
     * @return its keys and values, in order
     */
    static Map<String, String> properties(String text) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** @return the images' repository and tag as {@code cli/pom.xml} and the parent give them */
    static String imageName(String image) {
        try {
            String cliPom = Files.readString(root().resolve("cli/pom.xml"));
            String parentPom = Files.readString(root().resolve("pom.xml"));
            String repository = element(cliPom, "tickforge.image.repository");
            String version = element(parentPom, "version");
            return repository + "/" + image + ":" + version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no <" + name + "> in the pom");
        }
        return m.group(1).trim();
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
