package io.tickforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TickforgeTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker", "simulate", "replay"})
    void shouldPrintUsageAndExitZeroWhenAskedForHelp(String command) {
        int code = run(command, "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: tickforge " + command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate --rate abc|--rate",
        "simulate --rate -5 --bootstrap 127.0.0.1:1|--rate",
        "simulate --rate 0 --bootstrap 127.0.0.1:1|--rate",
        "simulate --duration 10x|--duration",
        "simulate --symbols 0 --bootstrap 127.0.0.1:1|symbols",
        "simulate --bootstrap nohostport|--bootstrap",
        "simulate --format xml|--format",
        "simulate --nonsense|--nonsense",
        "replay --csv x.csv --speed fast|--speed",
        "replay --symbol GOOG|--csv",
        "replay --csv /definitely/not/here.csv --symbol GOOG --bootstrap 127.0.0.1:1|--csv",
        "broker --port 70000|--port",
        "broker --port 9092 --controller-port 9092|--controller-port"})
    void shouldExitTwoAndNameTheFlagWhenAFlagIsBad(String line, String flag) {
        int code = run(line.split(" "));

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains(flag);
    }

    @Test
    void shouldExitTwoAndNameTheFileWhenTheConfigFileIsMissing() {
        int code = run("simulate", "--config", "/definitely/not/here.properties");

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains("--config").contains("/definitely/not/here.properties");
    }

    @Test
    void shouldHandKafkaPassthroughPropertiesToTheClientWhenGivenWithTheKafkaFlag() {
        int code = run("simulate", "--bootstrap", "127.0.0.1:1", "--count", "1",
                "--kafka", "security.protocol=BOGUS");

        assertThat(code).isEqualTo(Tickforge.EXIT_FAILURE);
        assertThat(err.toString()).contains("security.protocol").contains("BOGUS");
    }

    @Test
    void shouldReadKafkaPropertiesFromTheConfigFileWhenGivenOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tf.properties");
        Files.writeString(file, "kafka.security.protocol=BOGUS\nsimulate.count=1\nbootstrap=127.0.0.1:1\n");

        int code = run("simulate", "--config", file.toString());

        assertThat(code).isEqualTo(Tickforge.EXIT_FAILURE);
        assertThat(err.toString()).contains("security.protocol").contains("BOGUS");
    }

    @Test
    void shouldListTheSubcommandsWhenRunWithoutOne() {
        int code = run();

        assertThat(code).isZero();
        assertThat(out.toString()).contains("broker").contains("simulate").contains("replay");
    }
}
