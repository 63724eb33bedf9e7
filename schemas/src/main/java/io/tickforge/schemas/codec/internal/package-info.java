/**
 * Internals of the codecs: the one strictly configured Jackson mapper, the translation of Jackson failures into
 * {@link io.tickforge.schemas.InvalidRecordException}, and the per-record Avro mappings. Not an API; may change
 * without notice.
 */
package io.tickforge.schemas.codec.internal;
