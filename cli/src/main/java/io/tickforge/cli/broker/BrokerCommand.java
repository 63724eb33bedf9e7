package io.tickforge.cli.broker;

import io.tickforge.broker.BrokerConfig;
import io.tickforge.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tickforge broker}: runs the embedded single-node KRaft broker in the foreground until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs a real single-node Kafka broker (KRaft) in the foreground until Ctrl-C.",
            "The data directory is formatted on first start and reused after, so topics and offsets survive."})
public final class BrokerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind and advertise (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9092", description = "Client port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--controller-port", defaultValue = "0",
            description = "KRaft controller port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}/tickforge-kafka",
            description = "Log and metadata directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--broker-property", paramLabel = "KEY=VALUE",
            description = "Extra broker property (repeatable), e.g. --broker-property num.partitions=3.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--parent-pid", hidden = true,
            description = "Stop when the process with this id ends (the demo's broker JVM follows the demo's).")
    Long parentPid;

    /** Created by picocli. */
    public BrokerCommand() {
        // fields are injected
    }

    @Override
    public Integer call() {
        BrokerConfig config;
        try {
            config = new BrokerConfig(host, port, controllerPort, dataDir, BrokerConfig.DEFAULT_SESSION_TIMEOUT,
                    BrokerConfig.DEFAULT_START_TIMEOUT, overrides);
        } catch (IllegalArgumentException e) {
            // BrokerConfig names its fields; say them as the flags the user typed
            String message = e.getMessage().replaceFirst("^controllerPort", "--controller-port")
                    .replaceFirst("^port", "--port").replaceFirst("^host", "--host");
            throw new CommandLine.ParameterException(spec.commandLine(), message, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config);
        Thread hook = new Thread(broker::stop, "tickforge-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        broker.start();
        if (parentPid != null) {
            followParent(parentPid, broker);
        }
        out.printf("Kafka broker ready on %s (controller port %d, data %s). Ctrl-C to stop.%n",
                broker.bootstrapServers(), broker.controllerPort(), config.dataDir().toAbsolutePath());
        out.flush();
        broker.awaitShutdown();
        return 0;
    }

    /** Stops the broker when the parent ends, so a broker started by a killed demo does not linger. */
    private static void followParent(long pid, EmbeddedKafkaBroker broker) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            LOG.warn("parent process gone; stopping the broker parentPid={}", pid);
            broker.stop();
            return;
        }
        parent.get().onExit().thenRun(() -> {
            LOG.warn("parent process ended; stopping the broker parentPid={}", pid);
            broker.stop();
        });
    }
}
