package io.tickforge.schemas.codec.internal;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.ModelMetadata.Cell;
import io.tickforge.schemas.ModelMetadata.DataWindow;
import io.tickforge.schemas.ModelMetadata.Hyperparameters;
import io.tickforge.schemas.ModelMetadata.Scores;
import io.tickforge.schemas.codec.AvroMapping;
import io.tickforge.schemas.codec.AvroSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** {@link ModelMetadata} and its nested records to and from {@code model-metadata.avsc}. */
public final class ModelMetadataAvroMapping implements AvroMapping<ModelMetadata> {
    private static final String HYPERPARAMETERS = "hyperparameters";
    private static final String DATA_WINDOW = "dataWindow";
    private static final String SCORES = "scores";

    @Override
    public Class<ModelMetadata> type() {
        return ModelMetadata.class;
    }

    @Override
    public Schema schema() {
        return AvroSchemas.modelMetadata();
    }

    @Override
    public GenericRecord toGenericRecord(ModelMetadata metadata) {
        GenericData.Record record = new GenericData.Record(schema());
        record.put("formatVersion", metadata.formatVersion());
        record.put("modelName", metadata.modelName());
        record.put("modelVersion", metadata.modelVersion());
        record.put("createdAt", metadata.createdAt());
        record.put("tickforgeVersion", metadata.tickforgeVersion());
        record.put("featureNames", metadata.featureNames());
        record.put("featureTransform", metadata.featureTransform());
        record.put(HYPERPARAMETERS, hyperparameters(record, metadata.hyperparameters()));
        record.put("seed", metadata.seed());
        record.put(DATA_WINDOW, dataWindow(record, metadata.dataWindow()));
        record.put(SCORES, scores(record, metadata.scores()));
        return record;
    }

    @Override
    public ModelMetadata fromGenericRecord(GenericRecord record) {
        return new ModelMetadata(
                AvroFields.intValue(record, "formatVersion", "formatVersion"),
                AvroFields.string(record, "modelName"),
                AvroFields.longValue(record, "modelVersion", "modelVersion"),
                AvroFields.longValue(record, "createdAt", "createdAt"),
                AvroFields.string(record, "tickforgeVersion"),
                AvroFields.strings(record, "featureNames", "featureNames"),
                AvroFields.string(record, "featureTransform"),
                hyperparameters(AvroFields.record(record, HYPERPARAMETERS, HYPERPARAMETERS)),
                AvroFields.longValue(record, "seed", "seed"),
                dataWindow(AvroFields.record(record, DATA_WINDOW, DATA_WINDOW)),
                scores(AvroFields.record(record, SCORES, SCORES)));
    }

    private static GenericRecord hyperparameters(GenericRecord parent, Hyperparameters h) {
        GenericData.Record record = AvroFields.nested(parent, HYPERPARAMETERS);
        record.put("seqLen", h.seqLen());
        record.put("hidden", h.hidden());
        record.put("layers", h.layers());
        record.put("batch", h.batch());
        record.put("iterationsPerPhase", h.iterationsPerPhase());
        record.put("cell", AvroFields.enumSymbol(record, "cell", h.cell().wireName()));
        record.put("learningRate", h.learningRate());
        record.put("gamma", h.gamma());
        return record;
    }

    private static Hyperparameters hyperparameters(GenericRecord record) {
        String prefix = HYPERPARAMETERS + ".";
        return new Hyperparameters(
                AvroFields.intValue(record, "seqLen", prefix + "seqLen"),
                AvroFields.intValue(record, "hidden", prefix + "hidden"),
                AvroFields.intValue(record, "layers", prefix + "layers"),
                AvroFields.intValue(record, "batch", prefix + "batch"),
                AvroFields.intValue(record, "iterationsPerPhase", prefix + "iterationsPerPhase"),
                Cell.fromWireName(AvroFields.string(record, "cell")),
                AvroFields.doubleValue(record, "learningRate", prefix + "learningRate"),
                AvroFields.doubleValue(record, "gamma", prefix + "gamma"));
    }

    private static GenericRecord dataWindow(GenericRecord parent, DataWindow window) {
        GenericData.Record record = AvroFields.nested(parent, DATA_WINDOW);
        record.put("rows", window.rows());
        record.put("fromTs", window.fromTs());
        record.put("toTs", window.toTs());
        record.put("symbols", window.symbols());
        return record;
    }

    private static DataWindow dataWindow(GenericRecord record) {
        String prefix = DATA_WINDOW + ".";
        return new DataWindow(
                AvroFields.longValue(record, "rows", prefix + "rows"),
                AvroFields.longValue(record, "fromTs", prefix + "fromTs"),
                AvroFields.longValue(record, "toTs", prefix + "toTs"),
                AvroFields.strings(record, "symbols", prefix + "symbols"));
    }

    private static GenericRecord scores(GenericRecord parent, Scores scores) {
        GenericData.Record record = AvroFields.nested(parent, SCORES);
        record.put("discriminative", scores.discriminative());
        record.put("discriminativeStd", scores.discriminativeStd());
        record.put("predictive", scores.predictive());
        record.put("predictiveStd", scores.predictiveStd());
        return record;
    }

    private static Scores scores(GenericRecord record) {
        String prefix = SCORES + ".";
        return new Scores(
                AvroFields.optionalDouble(record, "discriminative", prefix + "discriminative"),
                AvroFields.optionalDouble(record, "discriminativeStd", prefix + "discriminativeStd"),
                AvroFields.optionalDouble(record, "predictive", prefix + "predictive"),
                AvroFields.optionalDouble(record, "predictiveStd", prefix + "predictiveStd"));
    }
}
