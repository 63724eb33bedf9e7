/**
 * End-to-end trainer benchmark: a printed report of consumer lag and retrain durations under a simulated feed, on an
 * in-process broker. Not JMH: it measures a running system, not a method.
 */
package io.tickforge.bench.trainer;
