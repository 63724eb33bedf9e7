/**
 * End-to-end producer benchmark: the producer service against Apache Kafka's own {@code kafka-producer-perf-test}
 * on the same in-process broker in the same run (records/s, MB/s and their ratio), the producer's rate accuracy and
 * publish delay at fixed rates, and its heap at steady state. Not JMH: it measures a running system and prints a
 * report.
 */
package io.tickforge.bench.producer;
