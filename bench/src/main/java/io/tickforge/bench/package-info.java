/**
 * tickforge's benchmarks: JMH micro-benchmarks (run {@code java -jar bench/target/tickforge-bench.jar}) and, as the
 * services land, end-to-end runs that print a report. Targets are checked here, never by timed unit tests; each
 * benchmark compares against a baseline measured in the same run.
 */
package io.tickforge.bench;
