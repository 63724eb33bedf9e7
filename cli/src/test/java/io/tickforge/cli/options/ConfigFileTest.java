package io.tickforge.cli.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileTest {

    @Test
    void shouldReturnKafkaPropertiesWithoutThePrefixWhenFileHasKafkaLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tf.properties");
        Files.writeString(file, "kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=PLAIN\nrate=10\n");

        ConfigFile config = ConfigFile.fromArgs(List.of("simulate", "--config", file.toString()));

        assertThat(config.kafkaProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .hasSize(2);
    }

    @Test
    void shouldNameTheFileWhenItDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ConfigFile.fromArgs(List.of("--config=" + missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldBeEmptyWhenNoConfigFlagIsGiven() {
        assertThat(ConfigFile.fromArgs(List.of("broker", "--port", "1")).kafkaProperties()).isEmpty();
    }
}
