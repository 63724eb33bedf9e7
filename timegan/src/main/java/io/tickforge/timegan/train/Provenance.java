package io.tickforge.timegan.train;

import io.tickforge.schemas.ModelMetadata;

import java.util.Objects;

/**
 * Who a trained model is and what it was trained on: the parts of a checkpoint's {@link ModelMetadata} that the
 * caller of {@link TrainingJob} knows and the job does not (the job adds the creation time, the tickforge version,
 * the hyperparameters, the seed and the scores).
 *
 * @param modelName        the model's name, e.g. {@code timegan-AAPL}; not blank
 * @param modelVersion     its version under that name, &gt;= 1 (1 for a first training, the current one + 1 for a
 *                         retrain)
 * @param featureTransform how the rows became features, a {@link io.tickforge.timegan.features.FeatureTransform}
 *                         wire name such as {@code log-returns}; not blank
 * @param dataWindow       the rows trained on: their count must equal the dataset's
 *                         ({@link Dataset#provenance()}{@code .rows()}), their event-time range and symbols
 */
public record Provenance(String modelName, long modelVersion, String featureTransform,
                         ModelMetadata.DataWindow dataWindow) {

    /** Validates every field; messages name it and the value. */
    public Provenance {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank, got " + modelName);
        }
        if (modelVersion < 1) {
            throw new IllegalArgumentException("modelVersion must be >= 1, got " + modelVersion);
        }
        if (featureTransform == null || featureTransform.isBlank()) {
            throw new IllegalArgumentException("featureTransform must not be blank, got " + featureTransform);
        }
        Objects.requireNonNull(dataWindow, "dataWindow");
    }
}
