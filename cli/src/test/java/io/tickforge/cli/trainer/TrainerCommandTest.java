package io.tickforge.cli.trainer;

import io.tickforge.cli.Tickforge;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.TrainingRecipe;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.retrain.ScheduleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private TrainerConfig parse(String... args) {
        CommandLine cl = Tickforge.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine.ParseResult result = cl.parseArgs(args);
        TrainerCommand command = (TrainerCommand) result.subcommand().commandSpec().userObject();
        return command.config();
    }

    @Test
    void shouldUseEachRecordsDefaultsWhenNoFlagIsGiven() {
        TrainerConfig config = parse("trainer");

        assertThat(config).isEqualTo(TrainerConfig.defaults());
    }

    @Test
    void shouldMapEveryConcernsFlagsIntoItsRecordWhenGiven() {
        TrainerConfig config = parse("trainer", "--input", "bars", "--bar-interval", "250ms", "--scope", "pooled",
                "--pooled-model", "all", "--features", "levels", "--min-bars", "400", "--window", "500",
                "--retrain-every-bars", "50", "--gate-tolerance", "0.1", "--recipe", "tuned");

        assertThat(config.ingest().input()).isEqualTo(IngestConfig.Input.BARS);
        assertThat(config.ingest().barInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.schedule().scope()).isEqualTo(ScheduleConfig.Scope.POOLED);
        assertThat(config.schedule().modelFor("X")).isEqualTo("all");
        assertThat(config.training().features()).isEqualTo(FeatureTransform.LEVELS);
        assertThat(config.window().minBars()).isEqualTo(400);
        assertThat(config.window().capacity()).isEqualTo(500);
        assertThat(config.schedule().retrainEveryBars()).isEqualTo(50);
        assertThat(config.gate().tolerance()).isEqualTo(0.1);
        assertThat(config.training().recipe()).isEqualTo(TrainingRecipe.TUNED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "trainer --scope global|--scope",
        "trainer --input quotes|--input",
        "trainer --features prices|--features",
        "trainer --min-bars 1|--min-bars",
        "trainer --window 100 --min-bars 300|--window",
        "trainer --min-bars 100|--min-bars",
        "trainer --gate-tolerance 0.9|--gate-tolerance",
        "trainer --holdout 0.7|--holdout",
        "trainer --layers 1|--layers",
        "trainer --workers 0|--workers",
        "trainer --topic a --dlq-topic a|--dlq-topic",
        "trainer --retrain-interval 10x|--retrain-interval",
        "trainer --metrics-port 70000 --bootstrap 127.0.0.1:1|--metrics-port"})
    void shouldExitTwoAndNameTheFlagWhenAFlagIsBad(String line, String flag) {
        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), line.split(" "));

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains(flag);
    }

    @Test
    void shouldPrintUsageWhenAskedForHelp() {
        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), "trainer", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: tickforge trainer").contains("--retrain-every-bars");
    }
}
