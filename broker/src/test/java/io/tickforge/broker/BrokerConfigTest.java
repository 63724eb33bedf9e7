package io.tickforge.broker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConfigTest {
    private static final Path DIR = Path.of("target", "unused");

    @Test
    void shouldNameThePortWhenItIsOutOfRange() {
        assertThatThrownBy(() -> BrokerConfig.loopback(DIR).withPort(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port")
                .hasMessageContaining("70000");
    }

    @Test
    void shouldRejectTheSamePortForClientsAndController() {
        assertThatThrownBy(() -> BrokerConfig.loopback(DIR).withPort(19092).withControllerPort(19092))
                .hasMessageContaining("controllerPort")
                .hasMessageContaining("19092");
    }

    @Test
    void shouldNameTheSessionTimeoutWhenItIsNotPositive() {
        assertThatThrownBy(() -> new BrokerConfig("127.0.0.1", 0, 0, DIR, Duration.ZERO, Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("sessionTimeout");
    }

    @Test
    void shouldRejectABlankHost() {
        assertThatThrownBy(() -> new BrokerConfig(" ", 0, 0, DIR, Duration.ofSeconds(3), Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("host");
    }

    @Test
    void shouldResolveFreePortsOnceWhenPortsAreZero() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerConfig.loopback(DIR));

        assertThat(broker.port()).isPositive();
        assertThat(broker.controllerPort()).isPositive().isNotEqualTo(broker.port());
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void shouldDefaultToAThreeSecondSessionTimeout() {
        assertThat(BrokerConfig.loopback(DIR).sessionTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
