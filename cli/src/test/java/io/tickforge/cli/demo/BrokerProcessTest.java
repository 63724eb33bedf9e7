package io.tickforge.cli.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's own JVM, with {@code sh} standing in for it: ready line, restart ports, failures, stop. */
class BrokerProcessTest {
    private static final String READY = "echo 'Kafka broker ready on 127.0.0.1:19999 (controller port 20000, data /d)."
            + " Ctrl-C to stop.'";

    @TempDir
    Path dir;

    private BrokerProcess broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static BrokerProcess.Launcher sh(String script, List<int[]> calls) {
        return (port, controllerPort) -> {
            calls.add(new int[] {port, controllerPort});
            return List.of("sh", "-c", script);
        };
    }

    @Test
    void shouldReturnTheAnnouncedBootstrapWhenTheReadyLineArrives() {
        broker = new BrokerProcess(sh("echo starting; " + READY + "; exec sleep 60", new ArrayList<>()), 0,
                dir.resolve("broker.log"));

        String bootstrap = broker.start(Duration.ofSeconds(20));

        assertThat(bootstrap).isEqualTo("127.0.0.1:19999");
        assertThat(broker.isAlive()).isTrue();
    }

    @Test
    void shouldWriteTheBrokersOutputToTheLogFileWhenItRuns() throws Exception {
        broker = new BrokerProcess(sh("echo formatting the data dir; " + READY + "; exec sleep 60",
                new ArrayList<>()), 0, dir.resolve("logs/broker.log"));

        broker.start(Duration.ofSeconds(20));

        assertThat(Files.readString(dir.resolve("logs/broker.log"))).contains("formatting the data dir")
                .contains("Kafka broker ready on");
    }

    @Test
    void shouldAskForTheFirstStartsPortsWhenRestartedAfterAHalt() throws Exception {
        List<int[]> calls = new ArrayList<>();
        broker = new BrokerProcess(sh(READY + "; exec sleep 60", calls), 0, dir.resolve("broker.log"));
        broker.start(Duration.ofSeconds(20));
        ProcessHandle.of(broker.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(broker.pid()).ifPresent(p -> p.onExit().join());

        broker.start(Duration.ofSeconds(20));

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactly(0, 0);
        assertThat(calls.get(1)).containsExactly(19999, 20000);
        assertThat(broker.starts()).isEqualTo(2);
    }

    @Test
    void shouldNameTheExitCodeAndShowTheOutputWhenTheBrokerExitsBeforeReady() {
        broker = new BrokerProcess(sh("echo data directory /d is in use by another running broker; exit 3",
                new ArrayList<>()), 0, dir.resolve("broker.log"));

        assertThatThrownBy(() -> broker.start(Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited before it was ready (code 3)")
                .hasMessageContaining("is in use by another running broker");
    }

    @Test
    void shouldKillTheProcessWhenItIsNotReadyInTime() {
        broker = new BrokerProcess(sh("exec sleep 60", new ArrayList<>()), 0, dir.resolve("broker.log"));

        assertThatThrownBy(() -> broker.start(Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not ready within");
        assertThat(broker.isAlive()).isFalse();
    }

    @Test
    void shouldEndTheProcessWhenClosed() {
        broker = new BrokerProcess(sh(READY + "; exec sleep 60", new ArrayList<>()), 0, dir.resolve("broker.log"));
        broker.start(Duration.ofSeconds(20));

        broker.close();

        assertThat(broker.isAlive()).isFalse();
        assertThat(broker.exitCode()).isPresent();
    }

    @Test
    void shouldNameThePortFlagWhenThePortIsOutOfRange() {
        assertThatThrownBy(() -> new BrokerProcess(sh("true", new ArrayList<>()), 70_000, dir.resolve("b.log")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port")
                .hasMessageContaining("70000");
    }
}
