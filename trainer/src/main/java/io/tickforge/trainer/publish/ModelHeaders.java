package io.tickforge.trainer.publish;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.codec.JsonCodec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The headers of a model-topic record (key = model name, value = checkpoint bytes): enough of the checkpoint's
 * metadata for a consumer to decide whether to load it, or to list models, without parsing the checkpoint. The
 * checkpoint itself stays the authority. Values are UTF-8 text: numbers in decimal, structures in JSON with the
 * field names of {@link ModelMetadata}'s nested records.
 */
public final class ModelHeaders {
    /** {@link ModelMetadata#modelVersion()}, decimal. */
    public static final String VERSION = "tickforge.model.version";
    /** {@link ModelMetadata#createdAt()}, epoch milliseconds, decimal. */
    public static final String CREATED_AT = "tickforge.model.created-at";
    /** {@link ModelMetadata#scores()} as JSON, e.g. {@code {"discriminative":0.12,"predictive":0.05}}. */
    public static final String SCORES = "tickforge.model.scores";
    /** {@link ModelMetadata#dataWindow()} as JSON: {@code rows}, {@code fromTs}, {@code toTs}, {@code symbols}. */
    public static final String DATA_WINDOW = "tickforge.model.data-window";
    /** {@link ModelMetadata#formatVersion()}, decimal: the checkpoint format a loader must understand. */
    public static final String FORMAT_VERSION = "tickforge.model.format-version";
    /** {@link ModelMetadata#featureTransform()}, e.g. {@code log-returns}. */
    public static final String FEATURE_TRANSFORM = "tickforge.model.feature-transform";

    private static final JsonCodec<ModelMetadata.Scores> SCORES_JSON = JsonCodec.of(ModelMetadata.Scores.class);
    private static final JsonCodec<ModelMetadata.DataWindow> DATA_WINDOW_JSON =
            JsonCodec.of(ModelMetadata.DataWindow.class);

    private ModelHeaders() {
    }

    /**
     * What the headers say.
     *
     * @param version          the model version
     * @param createdAt        creation time, epoch ms
     * @param scores           the held-out scores
     * @param dataWindow       the data trained on
     * @param formatVersion    the checkpoint format version
     * @param featureTransform the feature transform's name
     */
    public record Summary(long version, long createdAt, ModelMetadata.Scores scores,
                          ModelMetadata.DataWindow dataWindow, int formatVersion, String featureTransform) {
        /** Validates. */
        public Summary {
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(dataWindow, "dataWindow");
            Objects.requireNonNull(featureTransform, "featureTransform");
        }
    }

    /**
     * @param metadata a checkpoint's metadata
     * @return new headers carrying it
     */
    public static Headers of(ModelMetadata metadata) {
        return write(new RecordHeaders(), metadata);
    }

    /**
     * Adds the six headers.
     *
     * @param headers  where to add them
     * @param metadata a checkpoint's metadata
     * @return {@code headers}
     */
    public static Headers write(Headers headers, ModelMetadata metadata) {
        return headers.add(VERSION, utf8(Long.toString(metadata.modelVersion())))
                .add(CREATED_AT, utf8(Long.toString(metadata.createdAt())))
                .add(SCORES, SCORES_JSON.encode(metadata.scores()))
                .add(DATA_WINDOW, DATA_WINDOW_JSON.encode(metadata.dataWindow()))
                .add(FORMAT_VERSION, utf8(Integer.toString(metadata.formatVersion())))
                .add(FEATURE_TRANSFORM, utf8(metadata.featureTransform()));
    }

    /**
     * @param headers a model-topic record's headers
     * @return what they say
     * @throws InvalidRecordException naming the header when one is missing or unreadable
     */
    public static Summary read(Headers headers) {
        long version = number(headers, VERSION);
        long createdAt = number(headers, CREATED_AT);
        ModelMetadata.Scores scores = json(headers, SCORES, SCORES_JSON);
        ModelMetadata.DataWindow window = json(headers, DATA_WINDOW, DATA_WINDOW_JSON);
        long format = number(headers, FORMAT_VERSION);
        if (format < 1 || format > Integer.MAX_VALUE) {
            throw new InvalidRecordException(FORMAT_VERSION, format, "must be between 1 and " + Integer.MAX_VALUE);
        }
        String transform = text(headers, FEATURE_TRANSFORM);
        if (transform.isBlank()) {
            throw new InvalidRecordException(FEATURE_TRANSFORM, transform, "must not be blank");
        }
        return new Summary(version, createdAt, scores, window, (int) format, transform);
    }

    private static long number(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRecordException(name, text, "must be a decimal integer", e);
        }
    }

    private static <T extends Record> T json(Headers headers, String name, JsonCodec<T> codec) {
        byte[] value = bytes(headers, name);
        try {
            return codec.decode(value);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(name, new String(value, StandardCharsets.UTF_8),
                    "must be a JSON " + codec.type().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String text(Headers headers, String name) {
        return new String(bytes(headers, name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new InvalidRecordException(name, null, "must be present");
        }
        return header.value();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
