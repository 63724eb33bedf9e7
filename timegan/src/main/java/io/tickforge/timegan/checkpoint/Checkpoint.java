package io.tickforge.timegan.checkpoint;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.Gemm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A trained TimeGAN with everything needed to sample it in original units and to say where it came from, and its
 * file format.
 *
 * <h2>Layout (format version 1)</h2>
 * All numbers little-endian; a string is an int32 byte count then UTF-8 bytes; a tensor is a string name, int32
 * rows, int32 cols, then rows*cols float32 row-major.
 * <pre>
 *   header (48 bytes)
 *     0   4 bytes  magic "TGAN"
 *     4   int32    format version (1)
 *     8   int64    body length in bytes
 *     16  32 bytes SHA-256 of the body
 *   body
 *     metadata      int32 length, then {@link ModelMetadata} as JSON (JsonCodec.modelMetadata())
 *     config        int32 features, hidden, layers, steps, batch; float64 gamma, discriminatorThreshold;
 *                   float64 adam learningRate, beta1, beta2, epsilon, clipNorm, weightDecay; string GRU init
 *     training data string source, int64 firstRow, int64 rows
 *     scaler        int32 d, float64[d] mins, float64[d] maxs
 *     weights       int32 count, then every parameter of the embedder, recovery, generator, supervisor and
 *                   discriminator in that order (names as {@link io.tickforge.timegan.nn.Param#name()},
 *                   e.g. "embedder.gru.0.W")
 *     optimisers    byte 0 (absent) or 1, then for each of E0, E, D, G, GS: string name, int64 steps, int32 count,
 *                   then per parameter the tensors "&lt;param&gt;.m" and "&lt;param&gt;.v"
 * </pre>
 * The body must end exactly after the last section. Writing is deterministic, so the same model and metadata give
 * byte-identical files.
 *
 * <p>The checkpoint holds the live model, not a copy: save it before training the model further.
 */
public final class Checkpoint {

    /** The format version this release writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private final TimeGan model;
    private final MinMaxScaler scaler;
    private final ModelMetadata metadata;
    private final TrainingData trainingData;
    private final boolean optimiserState;

    /**
     * Bundles a model with its description; checks that they agree. Messages name the field.
     *
     * @param model the trained model
     * @param scaler the scaler of its training data, one bound per feature
     * @param metadata its description; {@code formatVersion} must be {@link #FORMAT_VERSION}, the feature names must
     *     match the model's features, the hyperparameters its config (see {@link #hyperparameters})
     * @param trainingData where the training rows came from; its row count must equal the metadata's data window's
     * @param optimiserState whether to save the five optimisers' moments and step counts (about twice the weights'
     *     size again; needed to continue training exactly where it stopped)
     */
    public Checkpoint(TimeGan model, MinMaxScaler scaler, ModelMetadata metadata, TrainingData trainingData,
            boolean optimiserState) {
        this.model = Objects.requireNonNull(model, "model");
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.trainingData = Objects.requireNonNull(trainingData, "trainingData");
        this.optimiserState = optimiserState;
        TimeGanConfig config = model.config();
        if (metadata.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("metadata.formatVersion must be " + FORMAT_VERSION + ", got "
                    + metadata.formatVersion());
        }
        if (metadata.featureNames().size() != config.features()) {
            throw new IllegalArgumentException("metadata.featureNames must name the model's " + config.features()
                    + " features, got " + metadata.featureNames());
        }
        if (scaler.features() != config.features()) {
            throw new IllegalArgumentException("scaler must have the model's " + config.features()
                    + " features, got " + scaler.features());
        }
        ModelMetadata.Hyperparameters hp = metadata.hyperparameters();
        ModelMetadata.Hyperparameters expected = hyperparameters(config, hp.iterationsPerPhase());
        if (!hp.equals(expected)) {
            throw new IllegalArgumentException("metadata.hyperparameters must match the model's config "
                    + expected + ", got " + hp);
        }
        if (trainingData.rows() != metadata.dataWindow().rows()) {
            throw new IllegalArgumentException("trainingData.rows must equal metadata.dataWindow.rows "
                    + metadata.dataWindow().rows() + ", got " + trainingData.rows());
        }
    }

    /**
     * The metadata's view of a config: the fields {@link ModelMetadata.Hyperparameters} has room for.
     *
     * @param config the model's config
     * @param iterationsPerPhase iterations of each training phase
     * @return the hyperparameters to put in the metadata
     */
    public static ModelMetadata.Hyperparameters hyperparameters(TimeGanConfig config, int iterationsPerPhase) {
        ModelMetadata.Cell cell = switch (config.cell()) {
            case GRU -> ModelMetadata.Cell.GRU;
            case LSTM -> ModelMetadata.Cell.LSTM;
        };
        return new ModelMetadata.Hyperparameters(config.steps(), config.hidden(), config.layers(), config.batch(),
                iterationsPerPhase, cell, config.adam().learningRate(), config.gamma());
    }

    /**
     * The metadata's view of a config, with the config's own iterations per phase.
     *
     * @param config the model's config
     * @return the hyperparameters to put in the metadata
     */
    public static ModelMetadata.Hyperparameters hyperparameters(TimeGanConfig config) {
        return hyperparameters(config, config.iterationsPerPhase());
    }

    /** @return the model (live, not a copy) */
    public TimeGan model() {
        return model;
    }

    /** @return the scaler that maps samples back to original units */
    public MinMaxScaler scaler() {
        return scaler;
    }

    /** @return the description: names, transform, hyperparameters, seed, data window, scores, versions */
    public ModelMetadata metadata() {
        return metadata;
    }

    /** @return the training rows' provenance */
    public TrainingData trainingData() {
        return trainingData;
    }

    /** @return whether the optimisers' state is (or was) saved with the weights */
    public boolean hasOptimiserState() {
        return optimiserState;
    }

    /**
     * Encodes the checkpoint.
     *
     * @return the file's bytes
     */
    public byte[] toBytes() {
        return CheckpointFormat.write(this);
    }

    /**
     * Writes the checkpoint to a stream (not closed).
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void save(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(toBytes());
        out.flush();
    }

    /**
     * Writes the checkpoint to a file, atomically where the file system allows: a reader never sees half a file.
     *
     * @param path the file, replaced if it exists
     * @throws IOException when writing fails
     */
    public void save(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        write(path, toBytes());
    }

    /**
     * Writes checkpoint bytes (e.g. a record read from the model topic) to a file, atomically where the file system
     * allows: a reader never sees half a file. The bytes are not checked.
     *
     * @param path  the file, replaced if it exists
     * @param bytes the checkpoint's bytes
     * @throws IOException when writing fails
     */
    public static void write(Path path, byte[] bytes) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        // a sibling, so the move stays on one file system; created with the default permissions, unlike
        // Files.createTempFile's owner-only ones, since other services read checkpoints
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Decodes a checkpoint and rebuilds its model.
     *
     * @param bytes the file's bytes
     * @param gemm matrix multiply for the restored model
     * @return the checkpoint
     * @throws CheckpointException when the bytes are not a valid checkpoint of a supported version
     */
    public static Checkpoint fromBytes(byte[] bytes, Gemm gemm) throws CheckpointException {
        return CheckpointFormat.read(Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(gemm, "gemm"));
    }

    /**
     * Reads a checkpoint from a stream to its end (not closed).
     *
     * @param in the stream
     * @param gemm matrix multiply for the restored model
     * @return the checkpoint
     * @throws CheckpointException when the content is not a valid checkpoint of a supported version
     * @throws IOException when reading fails
     */
    public static Checkpoint load(InputStream in, Gemm gemm) throws IOException {
        return fromBytes(Objects.requireNonNull(in, "in").readAllBytes(), gemm);
    }

    /**
     * Reads a checkpoint file.
     *
     * @param path the file
     * @param gemm matrix multiply for the restored model
     * @return the checkpoint
     * @throws CheckpointException when the file is not a valid checkpoint of a supported version (the message
     *     names the file)
     * @throws IOException when reading fails
     */
    public static Checkpoint load(Path path, Gemm gemm) throws IOException {
        byte[] bytes = Files.readAllBytes(Objects.requireNonNull(path, "path"));
        try {
            return fromBytes(bytes, gemm);
        } catch (CheckpointException e) {
            throw new CheckpointException(path + ": " + e.getMessage(), e);
        }
    }
}
