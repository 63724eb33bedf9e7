package io.tickforge.cli.produce;

import io.tickforge.cli.Tickforge;
import io.tickforge.cli.options.ConfigFile;
import io.tickforge.producer.ProduceConfig;
import io.tickforge.producer.synth.OutputMode;
import io.tickforge.producer.synth.Pace;
import io.tickforge.schemas.codec.WireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProduceCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ProduceConfig parse(String... args) {
        CommandLine cl = Tickforge.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine.ParseResult result = cl.parseArgs(args);
        return ((ProduceCommand) result.subcommand().commandSpec().userObject()).config();
    }

    private int run(String... args) {
        return Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldUseEachRecordsDefaultsWhenNoFlagIsGiven() {
        ProduceConfig config = parse("produce");

        ProduceConfig defaults = ProduceConfig.defaults();
        assertThat(config.topics()).isEqualTo(defaults.topics());
        assertThat(config.models()).isEqualTo(defaults.models());
        assertThat(config.synth()).isEqualTo(defaults.synth());
        assertThat(config.time()).isEqualTo(defaults.time());
        assertThat(config.rate().schedule().text()).isEqualTo(defaults.rate().schedule().text());
        assertThat(config.publish()).isEqualTo(defaults.publish());
    }

    @Test
    void shouldMapEveryConcernsFlagsIntoItsRecordWhenGiven(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("m.tgan"));

        ProduceConfig config = parse("produce", "--topic", "syn.bars", "--models-topic", "models", "--model",
                "timegan-A", "--model", "timegan-B", "--model-file", file.toString(), "--no-follow", "--instruments",
                "7", "--name-pattern", "X-{symbol}-{index:02d}", "--first-index", "20", "--output", "bars",
                "--format", "avro", "--ticks-per-bar", "6", "--bar-interval", "250ms", "--start-price", "50",
                "--seed", "9", "--price-increment", "0.25", "--lot-size", "100", "--pace", "max", "--start", "2026-01-02T00:00:00Z", "--rate", "ramp:100..5000/60s",
                "--max-in-flight", "500", "--close-timeout", "5s");

        assertThat(config.topics().output()).isEqualTo("syn.bars");
        assertThat(config.topics().models()).isEqualTo("models");
        assertThat(config.models().names()).containsExactlyInAnyOrder("timegan-A", "timegan-B");
        assertThat(config.models().modelFile()).isEqualTo(file);
        assertThat(config.models().follow()).isFalse();
        assertThat(config.synth().instruments()).isEqualTo(7);
        assertThat(config.synth().namePattern()).isEqualTo("X-{symbol}-{index:02d}");
        assertThat(config.synth().firstIndex()).isEqualTo(20);
        assertThat(config.synth().output()).isEqualTo(OutputMode.BARS);
        assertThat(config.synth().format()).isEqualTo(WireFormat.AVRO);
        assertThat(config.synth().ticksPerBar()).isEqualTo(6);
        assertThat(config.synth().barInterval()).hasMillis(250);
        assertThat(config.synth().startPrice()).isEqualTo(50.0);
        assertThat(config.synth().seed()).isEqualTo(9);
        assertThat(config.synth().priceIncrement()).isEqualTo(0.25);
        assertThat(config.synth().lotSize()).isEqualTo(100.0);
        assertThat(config.time().pace()).isEqualTo(Pace.MAX);
        assertThat(config.time().start()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(config.rate().schedule().text()).isEqualTo("ramp:100..5000/60s");
        assertThat(config.publish().maxInFlight()).isEqualTo(500);
        assertThat(config.publish().closeTimeout()).hasSeconds(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "produce --rate fast|--rate",
        "produce --rate ramp:1..2|--rate",
        "produce --output csv|--output",
        "produce --pace slow|--pace",
        "produce --format xml|--format",
        "produce --instruments 0|--instruments",
        "produce --name-pattern SYN|--name-pattern",
        "produce --first-index -1|--first-index",
        "produce --ticks-per-bar 2|--ticks-per-bar",
        "produce --start-price 0|--start-price",
        "produce --price-increment 0|--price-increment",
        "produce --price-increment 0.0000000001|--price-increment",
        "produce --lot-size -5|--lot-size",
        "produce --start 2026-01-02|--start",
        "produce --no-follow|--model-file",
        "produce --model-file /nonexistent/m.tgan --no-follow --bootstrap 127.0.0.1:1 --metrics-port 0|--model-file",
        "produce --topic a --models-topic a|--models-topic",
        "produce --max-in-flight 0|--max-in-flight",
        "produce --close-timeout 0s|--close-timeout",
        "produce --compression brotli|--compression",
        "produce --count 0 --bootstrap 127.0.0.1:1|--count",
        "produce --partitions 0 --bootstrap 127.0.0.1:1|--partitions",
        "produce --metrics-port 70000 --bootstrap 127.0.0.1:1|--metrics-port"})
    void shouldExitTwoAndNameTheFlagWhenAFlagIsBad(String line, String flag) {
        int code = run(line.split(" "));

        assertThat(code).as(err.toString()).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains(flag);
    }

    @Test
    void shouldListEveryFlagWhenAskedForHelp() {
        int code = run("produce", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: tickforge produce").contains("--rate").contains("--model-file")
                .contains("--compression").contains("--max-in-flight").contains("--count").contains("--[no-]follow");
    }

    @Test
    void shouldTakeAFlagFromTheConfigFileWhenQualifiedByTheCommand(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tickforge.properties"), "produce.instruments=3\nrate=250\n");

        CommandLine cl = Tickforge.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.setDefaultValueProvider(ConfigFile.load(file));
        CommandLine.ParseResult result = cl.parseArgs("produce");
        ProduceConfig config = ((ProduceCommand) result.subcommand().commandSpec().userObject()).config();

        assertThat(config.synth().instruments()).isEqualTo(3);
        assertThat(config.rate().schedule().text()).isEqualTo("250");
    }
}
