package io.tickforge.broker;

import io.tickforge.broker.internal.BrokerProperties;
import io.tickforge.broker.internal.DataDirLock;
import io.tickforge.broker.internal.FreePorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka 4 broker in KRaft mode (combined broker and controller roles), run in this JVM.
 *
 * <p>It is the tickforge default when no Kafka is given: {@code tickforge broker} runs one in the foreground, the
 * demo runs one in its own JVM, and integration tests start one in-process through
 * {@link io.tickforge.broker.junit.EmbeddedKafkaExtension}. The data directory is formatted with Kafka's own
 * {@link StorageTool} on first start; later starts reuse it, so topics, records and committed offsets survive a
 * {@link #restart()}. Ports chosen as 0 are resolved at the first start and kept for the broker's lifetime, so
 * clients can reconnect after a restart.
 *
 * <p>Not thread-safe: one owner starts and stops it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerConfig config;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;
    private DataDirLock lock;

    /**
     * Resolves free ports now; starts nothing.
     *
     * @param config how to run the broker
     */
    public EmbeddedKafkaBroker(BrokerConfig config) {
        this.config = config;
        this.port = config.port() != 0 ? config.port() : FreePorts.pick(config.host());
        int cport = config.controllerPort() != 0 ? config.controllerPort() : FreePorts.pick(config.host());
        while (cport == port) {
            cport = FreePorts.pick(config.host());
        }
        this.controllerPort = cport;
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it answers a client.
     *
     * @return this broker
     * @throws IllegalStateException if it is already running, or does not come up within the start timeout
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("broker already running on " + bootstrapServers());
        }
        Path logDir = logDir();
        // Kafka locks the log dir only after its raft layer has started writing the metadata log, so a second
        // broker on the same directory would damage the first one's log before failing: refuse it up front.
        lock = DataDirLock.acquire(config.dataDir());
        Properties props = BrokerProperties.build(config.host(), port, controllerPort, logDir,
                config.sessionTimeout(), config.overrides());
        formatIfNeeded(logDir, props);
        long t0 = System.nanoTime();
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(s);
            releaseLock();
            throw new IllegalStateException("broker failed to start on " + bootstrapServers() + ": " + e.getMessage(), e);
        }
        server = s;
        awaitReady();
        LOG.info("broker started bootstrap={} dataDir={} startMs={}", bootstrapServers(), config.dataDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return this;
    }

    /** Stops the broker (controlled shutdown) and waits for it; a no-op when it is not running. */
    public synchronized void stop() {
        KafkaRaftServer s = server;
        if (s == null) {
            return;
        }
        server = null;
        shutdownQuietly(s);
        releaseLock();
        LOG.info("broker stopped bootstrap={}", bootstrapServers());
    }

    /**
     * Stops and starts again on the same data directory and ports.
     *
     * @return this broker
     */
    public synchronized EmbeddedKafkaBroker restart() {
        stop();
        return start();
    }

    /** @return whether the broker is running */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Blocks until the broker shuts down (for the foreground {@code tickforge broker} command). */
    public void awaitShutdown() {
        KafkaRaftServer s;
        synchronized (this) {
            s = server;
        }
        if (s != null) {
            s.awaitShutdown();
        }
    }

    /** @return {@code host:port} of the client listener, for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return config.host() + ":" + port;
    }

    /** @return the client port */
    public int port() {
        return port;
    }

    /** @return the controller port */
    public int controllerPort() {
        return controllerPort;
    }

    /** @return the broker's configuration */
    public BrokerConfig config() {
        return config;
    }

    @Override
    public void close() {
        stop();
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private Path logDir() {
        Path dir = config.dataDir().resolve("kraft-logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
        return dir;
    }

    private static void formatIfNeeded(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path file = logDir.getParent().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "tickforge embedded broker: written at format time, for reference");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                "format", "--config", file.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"}, ps);
        }
        String output = captured.toString(StandardCharsets.UTF_8).trim();
        if (rc != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed (exit " + rc + "): " + output);
        }
        LOG.debug("formatted logDir={} output={}", logDir, output);
    }

    private void awaitReady() {
        Duration timeout = config.startTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminProps = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Exception last = null;
        try (Admin admin = Admin.create(adminProps)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(100);
            }
        }
        stop();
        throw new IllegalStateException("broker on " + bootstrapServers() + " did not answer within " + timeout
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("broker shutdown failed error={}", e.toString(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
