/**
 * The built-in market simulator: a seeded stochastic tick process so that tickforge's demo and load tests need no
 * data file. {@link io.tickforge.cli.simulate.MarketSimulator} turns a
 * {@link io.tickforge.cli.simulate.SimulatorConfig} into an endless, reproducible sequence of
 * {@link io.tickforge.schemas.Tick}s that shows the stylised facts of real tick data: volatility clustering
 * (GARCH(1,1) on per-tick log returns), fat tails (Student-t innovations), rare jumps, positive prices on a tick
 * grid, a bid/ask quote that widens with volatility, and an intraday U-shaped volume profile.
 *
 * <p>This package is pure logic: it owns no thread, no clock and no Kafka client. Pacing the ticks in wall-clock
 * time and publishing them is the caller's job. Units: event times in epoch milliseconds (UTC), prices in the
 * instrument's currency, sizes in units traded, volatilities as standard deviations of per-tick log returns.
 */
package io.tickforge.cli.simulate;
