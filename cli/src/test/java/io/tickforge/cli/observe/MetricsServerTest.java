package io.tickforge.cli.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeThePrometheusTextFormatWhenMetricsAreScraped() throws Exception {
        Counter.builder("tickforge.test.things").description("things").register(registry).increment(3);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry, () -> new Health(true, "OK", Map.of()))) {
            HttpResponse<String> response = get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("# HELP tickforge_test_things_total things")
                    .contains("tickforge_test_things_total 3.0");
        }
    }

    @Test
    void shouldAnswer503WithTheStateWhenTheServiceIsDown() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry,
                () -> new Health(up.get(), up.get() ? "RUNNING" : "REBALANCING", Map.of("models", 2)))) {
            HttpResponse<String> down = get(server, "/health");
            up.set(true);
            HttpResponse<String> upResponse = get(server, "/health");

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"state\":\"REBALANCING\"")
                    .contains("\"models\":\"2\"");
            assertThat(upResponse.statusCode()).isEqualTo(200);
            assertThat(upResponse.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void shouldAnswer503WhenTheHealthCheckThrows() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry, () -> {
            throw new IllegalStateException("boom");
        })) {
            HttpResponse<String> response = get(server, "/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("boom");
        }
    }

    @Test
    void shouldRefuseOtherMethodsWhenPosted() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry, () -> new Health(true, "OK", Map.of()))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(405);
        }
    }
}
