package io.tickforge.schemas.codec;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Avro schemas of tickforge's records, parsed once from the {@code .avsc} files under {@code /schemas} on the
 * classpath (namespace {@code io.tickforge.schemas}). Field names are the Java records' component names.
 */
public final class AvroSchemas {
    /** Classpath resource of the tick schema. */
    public static final String TICK_RESOURCE = "/schemas/tick.avsc";
    /** Classpath resource of the bar schema. */
    public static final String BAR_RESOURCE = "/schemas/bar.avsc";
    /** Classpath resource of the model metadata schema. */
    public static final String MODEL_METADATA_RESOURCE = "/schemas/model-metadata.avsc";

    private static final Schema TICK = load(TICK_RESOURCE);
    private static final Schema BAR = load(BAR_RESOURCE);
    private static final Schema MODEL_METADATA = load(MODEL_METADATA_RESOURCE);

    private AvroSchemas() {
    }

    /** @return the schema of {@link io.tickforge.schemas.Tick} */
    public static Schema tick() {
        return TICK;
    }

    /** @return the schema of {@link io.tickforge.schemas.Bar} */
    public static Schema bar() {
        return BAR;
    }

    /** @return the schema of {@link io.tickforge.schemas.ModelMetadata} */
    public static Schema modelMetadata() {
        return MODEL_METADATA;
    }

    /**
     * @param resource an absolute classpath resource name of an {@code .avsc} file
     * @return the parsed schema
     * @throws IllegalStateException when the resource is missing or not a valid schema
     */
    public static Schema load(String resource) {
        try (InputStream in = AvroSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Avro schema " + resource + " is not on the classpath");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Avro schema " + resource, e);
        }
    }
}
