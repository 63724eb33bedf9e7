package io.tickforge.trainer.retrain;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.checkpoint.CheckpointException;
import io.tickforge.timegan.nn.Gemm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The current checkpoint of every model name: what a retrain warm-starts from and gates against. Filled on start
 * from the compacted model topic and updated by the retrain service whenever a candidate is accepted.
 *
 * <p>Holds checkpoint bytes, never live models: a model is confined to one thread, so each reader decodes its own
 * copy ({@link Entry#load}), and nothing a reader does to it can change the catalog. Every offered checkpoint is
 * decoded once to validate it (format version, checksum, consistency), so a corrupt record is rejected with the
 * checkpoint's own message rather than failing a later retrain. Thread-safe: stream threads and training workers
 * call it concurrently.
 */
public final class ModelCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

    private final ConcurrentMap<String, Entry> current = new ConcurrentHashMap<>();

    /**
     * One model's current checkpoint.
     *
     * @param modelName  the model
     * @param metadata   the checkpoint's metadata (version, scores, data window)
     * @param checkpoint the checkpoint's bytes; copied in and out
     */
    public record Entry(String modelName, ModelMetadata metadata, byte[] checkpoint) {

        /** Validates and copies; messages name the field. */
        public Entry {
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(checkpoint, "checkpoint");
            if (!metadata.modelName().equals(modelName)) {
                throw new IllegalArgumentException("metadata.modelName must be " + modelName + ", got "
                        + metadata.modelName());
            }
            checkpoint = checkpoint.clone();
        }

        /** @return a copy of the checkpoint's bytes */
        @Override
        public byte[] checkpoint() {
            return checkpoint.clone();
        }

        /** @return the checkpoint's size in bytes */
        public int size() {
            return checkpoint.length;
        }

        /**
         * Decodes a fresh copy of the model, owned by the caller.
         *
         * @param gemm the copy's matrix multiply
         * @return the checkpoint
         * @throws CheckpointException never for bytes the catalog accepted, unless the format reader changed
         */
        public Checkpoint load(Gemm gemm) throws CheckpointException {
            return Checkpoint.fromBytes(checkpoint, gemm);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.modelName.equals(modelName) && e.metadata.equals(metadata)
                    && Arrays.equals(e.checkpoint, checkpoint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelName, metadata, Arrays.hashCode(checkpoint));
        }

        @Override
        public String toString() {
            return "Entry[modelName=" + modelName + ", version=" + metadata.modelVersion() + ", bytes="
                    + checkpoint.length + "]";
        }
    }

    /**
     * @param modelName a model
     * @return its current checkpoint, if any
     */
    public Optional<Entry> current(String modelName) {
        return Optional.ofNullable(current.get(Objects.requireNonNull(modelName, "modelName")));
    }

    /**
     * Offers a checkpoint, e.g. a record read from the model topic: it becomes the current one when its version is
     * newer than the current one's (or there is none); an equal or older version is ignored.
     *
     * @param modelName  the model it is offered as (the record's key)
     * @param checkpoint the checkpoint's bytes
     * @return whether it became the current checkpoint
     * @throws CheckpointException when the bytes are not a valid checkpoint, or one of another model; the
     *     message names the model and what is wrong, and the catalog is unchanged
     */
    public boolean offer(String modelName, byte[] checkpoint) throws CheckpointException {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(checkpoint, "checkpoint");
        ModelMetadata metadata;
        try {
            // decoding builds the model's buffers but never multiplies: the plain-Java gemm is enough
            metadata = Checkpoint.fromBytes(checkpoint, Gemm.plainJava()).metadata();
        } catch (CheckpointException e) {
            throw new CheckpointException("checkpoint offered for model " + modelName + " rejected: "
                    + e.getMessage(), e);
        }
        if (!metadata.modelName().equals(modelName)) {
            throw new CheckpointException("checkpoint offered for model " + modelName + " rejected: it is model "
                    + metadata.modelName() + " version " + metadata.modelVersion());
        }
        Entry offered = new Entry(modelName, metadata, checkpoint);
        Entry kept = current.merge(modelName, offered,
                (old, neu) -> neu.metadata().modelVersion() > old.metadata().modelVersion() ? neu : old);
        boolean replaced = kept == offered;
        if (!replaced) {
            LOG.debug("catalog kept newer model={} version={} offered={}", modelName, kept.metadata().modelVersion(),
                    metadata.modelVersion());
        }
        return replaced;
    }

    /**
     * Offers a checkpoint object; encodes it and goes through {@link #offer(String, byte[])}.
     *
     * @param checkpoint the checkpoint, offered under its metadata's model name
     * @return whether it became the current checkpoint
     * @throws CheckpointException when it does not decode back (never for a well-formed checkpoint)
     */
    public boolean offer(Checkpoint checkpoint) throws CheckpointException {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return offer(checkpoint.metadata().modelName(), checkpoint.toBytes());
    }

    /** @return the names with a current checkpoint, sorted; a snapshot */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(current.keySet()));
    }
}
