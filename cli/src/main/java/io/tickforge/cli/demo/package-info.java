/**
 * {@code tickforge demo}: the whole pipeline on a fresh machine with one command. A real broker runs in a JVM of its
 * own ({@link io.tickforge.cli.demo.BrokerProcess}); the market simulator, the trainer (demo-sized trainings) and
 * the producer run in the demo's JVM, wired by hand, and the demo prints the first synthetic records as it reads
 * them back. The demo owns every piece it starts and stops them all, broker last.
 */
package io.tickforge.cli.demo;
