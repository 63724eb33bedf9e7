/**
 * tickforge's wire formats as validated Java records: {@link io.tickforge.schemas.Tick} (the tick topic),
 * {@link io.tickforge.schemas.Bar} (OHLCV bars) and {@link io.tickforge.schemas.ModelMetadata} (what a model
 * checkpoint says about itself). The same formats exist as JSON Schema and Avro files under
 * {@code src/main/resources/schemas}, for consumers outside Java; tests keep records and files in step.
 * {@link io.tickforge.schemas.codec} turns records into bytes and back in both formats, and
 * {@link io.tickforge.schemas.kafka} adapts those codecs to Kafka serdes.
 *
 * <p>Every record validates in its constructor, so an instance is always valid; a violation throws
 * {@link io.tickforge.schemas.InvalidRecordException} naming the field and the value. This module depends on no
 * other tickforge module and on neither Kafka Streams nor DL4J.
 */
package io.tickforge.schemas;
