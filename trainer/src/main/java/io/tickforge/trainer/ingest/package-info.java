/**
 * Reading the tick topic: decoding and validating records (anything unreadable goes to the dead-letter topic with
 * its original bytes and a reason header, counted by reason) and aggregating ticks into bars in event time with a
 * grace period (ticks later than that are counted). Bar input skips the aggregation.
 */
package io.tickforge.trainer.ingest;
