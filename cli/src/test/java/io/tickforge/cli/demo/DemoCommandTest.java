package io.tickforge.cli.demo;

import io.tickforge.cli.Tickforge;
import io.tickforge.trainer.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private DemoConfig parse(String... args) {
        CommandLine cl = Tickforge.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine.ParseResult result = cl.parseArgs(args);
        return ((DemoCommand) result.subcommand().commandSpec().userObject()).config();
    }

    @Test
    void shouldRunUntilCtrlCOnATemporaryDirectoryWhenNoFlagIsGiven() {
        DemoConfig config = parse("demo");

        assertThat(config.duration()).isNull();
        assertThat(config.dataDir()).isNull();
        assertThat(config.port()).isEqualTo(19092);
    }

    @Test
    void shouldTrainTheFirstModelFromTwentySecondsOfBarsWhenRunAtTheDefaults() {
        TrainerConfig trainer = parse("demo").trainer();

        assertThat(trainer.ingest().barInterval().multipliedBy(trainer.window().minBars()))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(trainer.window().minBars()).isGreaterThanOrEqualTo(TrainerConfig.minimumBars(trainer.training(),
                trainer.gate()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "demo --symbols 0|--symbols",
        "demo --symbols 21|--symbols",
        "demo --rate 0|--rate",
        "demo --port 70000|--port",
        "demo --producer-rate=|--producer-rate",
        "demo --producer-rate fast|--producer-rate",
        "demo --until-synthetic -1|--until-synthetic",
        "demo --trainer-metrics-port 9500 --producer-metrics-port 9500|--producer-metrics-port",
        "demo --show 101|--show",
        "demo --duration 0s|--duration"})
    void shouldExitTwoAndNameTheFlagWhenAFlagIsBad(String line, String flag) {
        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), line.split(" "));

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains(flag);
    }
}
