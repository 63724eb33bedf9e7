package io.tickforge.cli.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP endpoints of a long-running tickforge service, on the JDK's own {@link HttpServer}: {@code /metrics} (the
 * Prometheus text format of a {@link PrometheusMeterRegistry}) and {@code /health} (JSON, HTTP 200 when up, 503
 * when not). One small daemon thread serves both; scrapes are cheap.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param host     the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port     the port, 0 for any free one (see {@link #port()})
     * @param registry the meters to expose
     * @param health   asked on every {@code /health} request; must be quick
     * @return the running server
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry,
                                      Supplier<Health> health) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(health, "health");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("--metrics-port " + port + " cannot be bound on " + host + ": "
                    + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> {
            if (!get(exchange)) {
                return;
            }
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        });
        server.createContext("/health", exchange -> {
            if (!get(exchange)) {
                return;
            }
            Health h;
            try {
                h = health.get();
            } catch (RuntimeException e) {
                h = new Health(false, "ERROR", Map.of("error", String.valueOf(e.getMessage())));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", h.up() ? "UP" : "DOWN");
            body.put("state", h.status());
            Map<String, String> details = new TreeMap<>();
            h.details().forEach((k, v) -> details.put(k, String.valueOf(v)));
            body.put("details", details);
            respond(exchange, h.up() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tickforge-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("metrics endpoint started address={}:{} paths=/metrics,/health", host,
                server.getAddress().getPort());
        return new MetricsServer(server, executor);
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean get(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return false;
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
