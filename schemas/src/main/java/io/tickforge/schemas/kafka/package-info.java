/**
 * Kafka adapters of the codecs: {@link io.tickforge.schemas.kafka.RecordSerde} and its serializer and
 * deserializer wrap any {@link io.tickforge.schemas.codec.RecordCodec}, so there is one small class per role, not
 * one per record type and format. Factories give the serdes of the tick, bar and model metadata formats.
 *
 * <p>kafka-clients is an <em>optional</em> dependency of tickforge-schemas: only code that uses this package needs
 * it on the classpath; the records and codecs do not. A {@code null} value (a tombstone) passes through as
 * {@code null}; a record that cannot be decoded throws {@link io.tickforge.schemas.InvalidRecordException}, which
 * the consumer wraps in a {@code RecordDeserializationException} and Kafka Streams hands to its deserialization
 * exception handler. The adapters hold no resources; {@code close()} does nothing.
 */
package io.tickforge.schemas.kafka;
