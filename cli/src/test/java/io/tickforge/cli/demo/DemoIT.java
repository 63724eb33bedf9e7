package io.tickforge.cli.demo;

import io.tickforge.cli.Tickforge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tickforge demo} end to end, as a user runs it: its own broker JVM, the simulator, the demo-sized trainer and
 * the producer, until the first synthetic records have been read back ({@code --until-synthetic}; about a minute
 * on two cores, at most {@code --duration}). One run, checked from several sides.
 */
class DemoIT {
    private static final Pattern BROKER_PID = Pattern.compile("in its own JVM \\(pid (\\d+)");

    @TempDir
    static Path dir;

    private static int code;
    private static String output;

    @BeforeAll
    static void runTheDemo() {
        StringWriter out = new StringWriter();
        code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(out, true), "demo", "--port", "0",
                "--data-dir", dir.toString(), "--symbols", "1", "--rate", "300", "--trainer-metrics-port", "0",
                "--producer-metrics-port", "0", "--duration", "240s", "--until-synthetic", "5");
        output = out.toString();
    }

    @Test
    void shouldPrintSyntheticTicksReadBackFromTheTopicWhenTheFirstModelIsServed() {
        assertThat(code).as(output).isZero();
        assertThat(output).contains("model     timegan-SIM-").contains(DemoCommand.FIRST_SYNTHETIC)
                .containsPattern("synthetic SYN-SIM-[A-Z]+-000[12] \\{\"symbol\":\"SYN-SIM-");
    }

    @Test
    void shouldStopTheBrokerJvmItStartedWhenItEnds() {
        Matcher m = BROKER_PID.matcher(output);

        assertThat(m.find()).as(output).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive)).isNotEqualTo(
                Optional.of(true));
        assertThat(output).contains("stopped: ");
    }

    @Test
    void shouldKeepTheBrokersDataAndLogWhenGivenADataDir() {
        assertThat(Files.exists(dir.resolve("broker.log"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("kafka"))).isTrue();
    }
}
