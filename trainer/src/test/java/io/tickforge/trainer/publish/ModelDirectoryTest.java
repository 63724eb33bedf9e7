package io.tickforge.trainer.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.trainer.FakeRetrainService;
import io.tickforge.trainer.Fixtures;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.TrainingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDirectoryTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrainerMetrics metrics = new TrainerMetrics(registry, Clock.systemUTC());
    private final FakeRetrainService pool = new FakeRetrainService();

    private TrainingOutcome.Accepted accepted(String model, long version) throws Exception {
        byte[] bytes = Fixtures.checkpoint(model, version);
        return new TrainingOutcome.Accepted(model, 5, bytes, Checkpoint.fromBytes(bytes, Gemm.plainJava()).metadata(),
                version > 1);
    }

    @Test
    void shouldWriteTheVersionedAndTheLatestFileWhenAModelIsAccepted(@TempDir Path dir) throws Exception {
        RetrainService service = ModelDirectory.writingTo(dir.resolve("models"), pool, metrics);
        TrainingOutcome.Accepted v1 = accepted("timegan-A", 1);
        TrainingOutcome.Accepted v2 = accepted("timegan-A", 2);
        pool.finish(v1);
        pool.finish(v2);

        assertThat(service.drain()).containsExactly(v1, v2);

        assertThat(Files.readAllBytes(dir.resolve("models/timegan-A-v1.tgan"))).isEqualTo(v1.checkpoint());
        assertThat(Files.readAllBytes(dir.resolve("models/timegan-A-v2.tgan"))).isEqualTo(v2.checkpoint());
        assertThat(Files.readAllBytes(dir.resolve("models/timegan-A.tgan"))).isEqualTo(v2.checkpoint());
    }

    @Test
    void shouldStillHandTheOutcomeOnAndCountTheFailureWhenTheFileCannotBeWritten(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        RetrainService service = ModelDirectory.writingTo(models, pool, metrics);
        Files.createDirectory(models.resolve("timegan-B-v1.tgan"));
        Files.writeString(models.resolve("timegan-B-v1.tgan").resolve("occupied"), "x");
        TrainingOutcome.Accepted v1 = accepted("timegan-B", 1);
        pool.finish(v1);

        assertThat(service.drain()).containsExactly(v1);
        assertThat(registry.get("tickforge.trainer.model.file.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseADirectoryThatCannotBeCreatedWhenWired(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> ModelDirectory.writingTo(file.resolve("models"), pool, metrics))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain-file");
    }
}
