package io.tickforge.broker.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Builds the one set of server properties a single-node combined (broker + controller) KRaft node needs. */
public final class BrokerProperties {
    /** The node id of the single node; also its controller voter id. */
    public static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    /**
     * @param host           listener address
     * @param port           client port (already resolved, not 0)
     * @param controllerPort controller port (already resolved, not 0)
     * @param logDir         the log directory (also the metadata log directory)
     * @param sessionTimeout {@code broker.session.timeout.ms}
     * @param overrides      applied last
     * @return the server properties
     */
    public static Properties build(String host, int port, int controllerPort, Path logDir, Duration sessionTimeout,
                                   Map<String, String> overrides) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        long sessionMs = sessionTimeout.toMillis();
        p.setProperty("broker.session.timeout.ms", Long.toString(sessionMs));
        p.setProperty("broker.heartbeat.interval.ms", Long.toString(Math.max(100, sessionMs / 6)));
        p.setProperty("controlled.shutdown.enable", "true");
        p.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(8L * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }
}
