/**
 * Wire encodings of tickforge's records: {@link io.tickforge.schemas.codec.JsonCodec} (UTF-8 JSON, as described by
 * the {@code *.schema.json} files) and {@link io.tickforge.schemas.codec.AvroCodec} (Avro single-object encoding of
 * the {@code *.avsc} files), both behind {@link io.tickforge.schemas.codec.RecordCodec}.
 *
 * <p>Why: every module reads and writes the same bytes through one place, so a format change is made once and the
 * strictness of readers matches the schema files that outside consumers validate against. Decoding never returns
 * an invalid record: bad bytes throw {@link io.tickforge.schemas.InvalidRecordException} naming the field (by path
 * from the root, {@code "$"} for the document as a whole) and the value, so a consumer can count poison records by
 * field and move on. Codecs are immutable and thread-safe; this package owns no threads and no I/O beyond reading
 * its schema files from the classpath once.
 */
package io.tickforge.schemas.codec;
