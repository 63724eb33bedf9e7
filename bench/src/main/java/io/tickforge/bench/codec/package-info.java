/** JMH benchmarks of the wire formats and the simulator: ticks per second per core, JSON against Avro. */
package io.tickforge.bench.codec;
