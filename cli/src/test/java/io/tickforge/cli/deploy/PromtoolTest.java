package io.tickforge.cli.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus' own checks of the shipped configs and rules, and the rules' unit tests, with Debian's
 * {@code promtool} (package {@code prometheus}; {@code .ci/run} installs it). Skipped where it is not installed.
 */
class PromtoolTest {
    private static final Path PROMETHEUS = DeployFiles.deploy().resolve("prometheus");

    @BeforeAll
    static void promtool() {
        assumeTrue(DeployFilesTest.onPath("promtool"),
                "promtool is not installed (Debian: apt-get install prometheus; .ci/run does)");
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    @Test
    void shouldPassCheckConfigWhenTheComposeAndKubernetesConfigsAreChecked() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: prometheus.yml is valid");
        assertThat(promtool("check", "config", "prometheus-kubernetes.yml"))
                .contains("SUCCESS: prometheus-kubernetes.yml is valid");
    }

    @Test
    void shouldPassCheckRulesWhenTheAlertRulesAreChecked() throws Exception {
        int rules = DeployFiles.rules().size();

        assertThat(promtool("check", "rules", "tickforge-rules.yml")).contains("SUCCESS: " + rules + " rules found");
    }

    @Test
    void shouldFireEachAlertOnlyWhenItsConditionHoldsWhenTheRuleUnitTestsRun() throws Exception {
        assertThat(promtool("test", "rules", "tickforge-rules.test.yml")).contains("SUCCESS");
    }
}
