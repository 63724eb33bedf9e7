package io.tickforge.timegan.checkpoint;

import java.util.Objects;

/**
 * Where a model's training rows came from, beyond {@link io.tickforge.schemas.ModelMetadata.DataWindow}'s event-time
 * range: the source's name and the range of its rows, so that a model trained on a file (which may have no
 * timestamps) can be traced back to the exact rows.
 *
 * @param source the data's origin, e.g. {@code stock_data.csv}, {@code sine:10000x24x5} or a topic and symbol; not
 *     blank
 * @param firstRow index of the first row used in the source, &gt;= 0
 * @param rows number of rows used, &gt;= 0
 */
public record TrainingData(String source, long firstRow, long rows) {

    /**
     * @param source origin, not blank
     * @param firstRow first row, &gt;= 0
     * @param rows row count, &gt;= 0
     */
    public TrainingData {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank, got '" + source + "'");
        }
        if (firstRow < 0) {
            throw new IllegalArgumentException("firstRow must be >= 0, got " + firstRow);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
    }
}
