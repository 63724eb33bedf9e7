package io.tickforge.cli.simulate;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.Tick;

/**
 * Everything that determines a {@link MarketSimulator}'s output: the same config gives the same ticks, symbol for
 * symbol and bit for bit.
 *
 * <p>{@code ratePerSecond} spaces event times only: tick {@code n} (counting from zero, across all symbols) carries
 * {@code startMillis + floor(n * 1000 / ratePerSecond)}. How fast ticks are produced in wall-clock time is the
 * caller's business.
 *
 * @param symbols       number of simulated instruments, 1 to {@value #MAX_SYMBOLS}
 * @param seed          seed of every random draw: symbol names, per-symbol parameters, prices, sizes
 * @param startMillis   event time of the first tick, epoch milliseconds (UTC), within {@link Tick}'s range
 * @param ratePerSecond ticks per second of event time across all symbols, finite and &gt; 0
 * @param price         the price and quote process, not null
 * @param volume        the trade-size process, not null
 */
public record SimulatorConfig(int symbols, long seed, long startMillis, double ratePerSecond, PriceModel price,
                              VolumeModel volume) {

    /** Most symbols one simulator runs; scale beyond this with more producer instances, each with its own seed. */
    public static final int MAX_SYMBOLS = 10_000;

    /** Validates every field; throws {@link IllegalArgumentException} naming the first bad one. */
    public SimulatorConfig {
        if (symbols < 1 || symbols > MAX_SYMBOLS) {
            throw new IllegalArgumentException("symbols must be between 1 and " + MAX_SYMBOLS + ", was " + symbols);
        }
        try {
            Tick.trade("SIM-CHECK", startMillis, 1, 0);
        } catch (InvalidRecordException e) {
            throw new IllegalArgumentException("startMillis must be a valid tick event time (" + e.getMessage()
                    + "), was " + startMillis, e);
        }
        Require.positive("ratePerSecond", ratePerSecond);
        Require.notNull("price", price);
        Require.notNull("volume", volume);
    }

    /**
     * A config with the default {@link PriceModel} and {@link VolumeModel}.
     *
     * @param symbols       number of simulated instruments
     * @param seed          seed of every random draw
     * @param startMillis   event time of the first tick, epoch milliseconds
     * @param ratePerSecond ticks per second of event time across all symbols
     * @return the validated config
     */
    public static SimulatorConfig defaults(int symbols, long seed, long startMillis, double ratePerSecond) {
        return new SimulatorConfig(symbols, seed, startMillis, ratePerSecond, PriceModel.defaults(),
                VolumeModel.defaults());
    }

    /**
     * @param newPrice the price process to use instead
     * @return this config with {@code price} replaced
     */
    public SimulatorConfig withPrice(PriceModel newPrice) {
        return new SimulatorConfig(symbols, seed, startMillis, ratePerSecond, newPrice, volume);
    }

    /**
     * @param newVolume the trade-size process to use instead
     * @return this config with {@code volume} replaced
     */
    public SimulatorConfig withVolume(VolumeModel newVolume) {
        return new SimulatorConfig(symbols, seed, startMillis, ratePerSecond, price, newVolume);
    }
}
