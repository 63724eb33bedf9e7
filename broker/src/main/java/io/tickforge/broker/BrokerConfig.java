package io.tickforge.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the embedded single-node KRaft broker.
 *
 * @param host           the address the broker and controller listeners bind to and advertise, e.g.
 *                       {@code 127.0.0.1}
 * @param port           client (PLAINTEXT) port; 0 picks a free port at first start and keeps it across restarts
 * @param controllerPort KRaft controller port; 0 picks a free port likewise
 * @param dataDir        directory that holds the log and the KRaft metadata; formatted on first start and reused
 *                       on restart, so topics, records and committed offsets survive
 * @param sessionTimeout {@code broker.session.timeout.ms}: short so that a restart on the same log dir is quick
 * @param startTimeout   how long {@link EmbeddedKafkaBroker#start()} waits for the broker to answer clients
 * @param overrides      extra broker properties, applied last (e.g. {@code num.partitions=3})
 */
public record BrokerConfig(String host, int port, int controllerPort, Path dataDir, Duration sessionTimeout,
                           Duration startTimeout, Map<String, String> overrides) {

    /** Default {@code broker.session.timeout.ms}: 3 s instead of Kafka's 9 s, so restarts are fast. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(3);
    /** Default wait for a started broker to answer clients. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    /** Validates every field; messages name the field and the value. */
    public BrokerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank, was '" + host + "'");
        }
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("controllerPort must differ from port, both were " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        checkPositive("sessionTimeout", sessionTimeout);
        checkPositive("startTimeout", startTimeout);
        overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides must not be null"));
    }

    /**
     * Defaults for loopback: free ports, 3 s session timeout, no overrides.
     *
     * @param dataDir the broker's data directory
     * @return a config bound to 127.0.0.1 on free ports
     */
    public static BrokerConfig loopback(Path dataDir) {
        return new BrokerConfig("127.0.0.1", 0, 0, dataDir, DEFAULT_SESSION_TIMEOUT, DEFAULT_START_TIMEOUT, Map.of());
    }

    /**
     * @param newPort the client port
     * @return this config with another client port
     */
    public BrokerConfig withPort(int newPort) {
        return new BrokerConfig(host, newPort, controllerPort, dataDir, sessionTimeout, startTimeout, overrides);
    }

    /**
     * @param newControllerPort the controller port
     * @return this config with another controller port
     */
    public BrokerConfig withControllerPort(int newControllerPort) {
        return new BrokerConfig(host, port, newControllerPort, dataDir, sessionTimeout, startTimeout, overrides);
    }

    /**
     * @param newOverrides extra broker properties, replacing the current ones
     * @return this config with other overrides
     */
    public BrokerConfig withOverrides(Map<String, String> newOverrides) {
        return new BrokerConfig(host, port, controllerPort, dataDir, sessionTimeout, startTimeout, newOverrides);
    }

    private static void checkPort(String field, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(field + " must be between 0 and 65535, was " + value);
        }
    }

    private static void checkPositive(String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
    }
}
