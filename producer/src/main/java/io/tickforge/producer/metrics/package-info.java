/**
 * The producer's one catalogue of meters, {@link io.tickforge.producer.metrics.ProducerMetrics}: names
 * {@code tickforge.producer.*}, base units (seconds, records, bytes, records per second), bounded tags, a
 * description on each.
 *
 * <p>Why one catalogue: dashboards and alerts are written against these names, so they are defined, documented and
 * tested in one place rather than scattered where they are recorded. The service owns the instance; the follower,
 * the synthetic feed and the publisher record into it from their threads.
 */
package io.tickforge.producer.metrics;
