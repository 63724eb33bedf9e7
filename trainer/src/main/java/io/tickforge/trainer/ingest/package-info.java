/**
 * Reading the tick topic: decoding and validating records (anything unreadable goes to the dead-letter topic with
 * its original bytes and a reason header, counted by reason) and aggregating ticks into bars in event time with a
 * grace period (ticks later than that are counted). Bar input skips the aggregation.
 *
 * <p>{@link io.tickforge.trainer.ingest.IngestTopology} builds the stage and names its nodes, stores and internal
 * topics; {@link io.tickforge.trainer.ingest.DeadLetterReason} is the closed set of reasons and
 * {@link io.tickforge.trainer.ingest.DeadLetterHeaders} the headers a dead letter carries. Open bars and each task's
 * stream time are in changelogged stores, so a restart neither loses ticks of open bars nor re-opens closed ones.
 */
package io.tickforge.trainer.ingest;
