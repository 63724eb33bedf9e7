package io.tickforge.trainer.publish;

import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.TrainingOutcome;
import io.tickforge.trainer.retrain.TrainingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The optional model directory: every accepted checkpoint is also written as a file, {@code <model>-v<version>.tgan}
 * plus {@code <model>.tgan} for the latest, so {@code tickforge sample} and {@code evaluate} can use it without
 * Kafka. The model topic stays the source of truth: a failed write is counted and logged, never fatal, and the
 * model is still published.
 *
 * <p>Implemented as a {@link RetrainService} decorator: files are written when accepted outcomes are drained, on
 * the stream thread, just before they are forwarded to the model topic (a file is about 200 KB).
 */
public final class ModelDirectory implements RetrainService {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDirectory.class);

    private final Path directory;
    private final RetrainService delegate;
    private final TrainerMetrics metrics;

    private ModelDirectory(Path directory, RetrainService delegate, TrainerMetrics metrics) {
        this.directory = directory;
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /**
     * @param directory where the files go; created if missing
     * @param delegate  the service whose accepted outcomes are written
     * @param metrics   counts failed writes
     * @return the decorated service
     * @throws IllegalArgumentException naming the directory when it cannot be created or is not writable
     */
    public static RetrainService writingTo(Path directory, RetrainService delegate, TrainerMetrics metrics) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("model directory " + directory + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("model directory " + directory + " is not writable");
        }
        return new ModelDirectory(directory, Objects.requireNonNull(delegate, "delegate"),
                Objects.requireNonNull(metrics, "metrics"));
    }

    @Override
    public boolean submit(TrainingRequest request) {
        return delegate.submit(request);
    }

    @Override
    public boolean isRunning(String modelName) {
        return delegate.isRunning(modelName);
    }

    @Override
    public List<TrainingOutcome> drain() {
        List<TrainingOutcome> outcomes = delegate.drain();
        for (TrainingOutcome o : outcomes) {
            if (o instanceof TrainingOutcome.Accepted a) {
                write(a);
            }
        }
        return outcomes;
    }

    private void write(TrainingOutcome.Accepted accepted) {
        String model = accepted.modelName();
        long version = accepted.metadata().modelVersion();
        try {
            Path versioned = directory.resolve(model + "-v" + version + ".tgan");
            Checkpoint.write(versioned, accepted.checkpoint());
            Checkpoint.write(directory.resolve(model + ".tgan"), accepted.checkpoint());
            LOG.info("model file written model={} version={} path={}", model, version, versioned);
        } catch (IOException | RuntimeException e) {
            metrics.modelFileFailed();
            LOG.warn("model file not written model={} version={} directory={} error={}", model, version, directory,
                    e.toString());
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
