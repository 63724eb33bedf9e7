package io.tickforge.producer.follow;

import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.checkpoint.CheckpointException;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.SyntheticStream;
import io.tickforge.timegan.nn.Gemm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns checkpoint bytes into a model ready to serve, or says why not ({@link RejectReason}): the bytes must decode
 * (format version and checksum checked by {@link Checkpoint#fromBytes}), the key must match the checkpoint's model
 * name, the feature transform must be known, the model must have the five bar features, its instrument names must
 * be valid symbols, and one probe step of its generator must give finite values. Stateless apart from its
 * configuration; safe on any thread.
 */
public final class ModelLoader {

    private final SynthConfig synth;

    /** @param synth the instruments' naming and the fallback bar interval */
    public ModelLoader(SynthConfig synth) {
        this.synth = Objects.requireNonNull(synth, "synth");
    }

    /**
     * @param key   the model topic's key (the model name), or null for a file (no check)
     * @param bytes the checkpoint
     * @return the model to serve
     * @throws ModelRejectedException when it cannot be served, with the reason
     */
    public ServedModel load(String key, byte[] bytes) throws ModelRejectedException {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromBytes(bytes, Gemm.plainJava());
        } catch (CheckpointException e) {
            throw new ModelRejectedException(RejectReason.CORRUPT, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelRejectedException(RejectReason.CORRUPT, "not a readable checkpoint: " + e, e);
        }
        String name = checkpoint.metadata().modelName();
        if (key != null && !key.equals(name)) {
            throw new ModelRejectedException(RejectReason.NAME_MISMATCH, "record key " + key
                    + " differs from the checkpoint's modelName " + name, null);
        }
        ServedModel model;
        try {
            model = ServedModel.of(checkpoint, synth.barInterval());
        } catch (IllegalArgumentException e) {
            throw new ModelRejectedException(RejectReason.UNKNOWN_TRANSFORM, e.getMessage(), e);
        }
        int features = checkpoint.model().config().features();
        if (features != FeatureTransform.FEATURES) {
            throw new ModelRejectedException(RejectReason.INCOMPATIBLE, "model " + name + " has " + features
                    + " features, a bar model needs " + FeatureTransform.FEATURES + " (open, high, low, close, volume)",
                    null);
        }
        try {
            synth.names().names(name, synth.firstIndex(), synth.instruments());
        } catch (IllegalArgumentException e) {
            throw new ModelRejectedException(RejectReason.INCOMPATIBLE, e.getMessage(), e);
        }
        float[] z = new float[features];
        Arrays.fill(z, 0.5f);
        float[] x = new SyntheticStream(checkpoint.model(), 1, Gemm.plainJava()).step(z);
        for (int f = 0; f < features; f++) {
            if (!Double.isFinite(checkpoint.scaler().inverse(f, x[f]))) {
                throw new ModelRejectedException(RejectReason.INCOMPATIBLE, "model " + name + " version "
                        + model.version() + " generates non-finite values (feature " + f + ")", null);
            }
        }
        return model;
    }

    /**
     * @param file a checkpoint file
     * @return the model to serve
     * @throws ModelRejectedException when it cannot be served (the message names the file)
     * @throws IOException when the file cannot be read
     */
    public ServedModel load(Path file) throws ModelRejectedException, IOException {
        byte[] bytes = Files.readAllBytes(Objects.requireNonNull(file, "file"));
        try {
            return load(null, bytes);
        } catch (ModelRejectedException e) {
            throw new ModelRejectedException(e.reason(), file + ": " + e.getMessage(), e.getCause());
        }
    }
}
