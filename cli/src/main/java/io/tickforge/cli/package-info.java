/**
 * The tickforge command line: one runnable jar ({@code cli/target/tickforge.jar}, run by the {@code ./tickforge}
 * wrapper) whose picocli subcommands start the embedded broker, the market simulator, CSV replay and, as they
 * land, the trainer and the producer. Wiring is by hand in each command; {@code System.out} is the CLI's own output,
 * logging goes through SLF4J to log4j2 at WARN (override with {@code TICKFORGE_LOG_LEVEL}).
 */
package io.tickforge.cli;
