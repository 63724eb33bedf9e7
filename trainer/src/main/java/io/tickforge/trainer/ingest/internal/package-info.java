/**
 * The ingest stage's processors and their state: decoding with dead-lettering, and the event-time bar aggregation
 * with its open-bar and stream-time stores. Owned by {@link io.tickforge.trainer.ingest.IngestTopology}; not an API.
 */
package io.tickforge.trainer.ingest.internal;
