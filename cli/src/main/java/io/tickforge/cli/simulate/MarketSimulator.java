package io.tickforge.cli.simulate;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An endless, reproducible stream of synthetic market ticks: the data source of {@code tickforge simulate} and of
 * the demo, which must run without any data file.
 *
 * <p>Symbols take turns (round-robin in the order of {@link #symbols()}); tick {@code n} carries event time
 * {@code startMillis + floor(n * 1000 / ratePerSecond)}. Each symbol follows the price process of its
 * {@link PriceModel} (GARCH(1,1) volatility clustering, Student-t tails, Poisson jumps, log-price dynamics on a tick
 * grid, a bid/ask quote that widens with volatility) and the size process of its {@link VolumeModel} (log-normal
 * sizes in whole lots, U-shaped over the trading day). Every tick satisfies {@code 0 < bid <= price <= ask} with
 * {@code bid < ask} whenever the quote is wider than zero.
 *
 * <p>Determinism: the same {@link SimulatorConfig} gives the same sequence of symbols, times, prices, sizes, bids and
 * asks, on any machine and JDK. Symbol {@code i}'s name and path depend only on the seed and on {@code i}, so
 * raising the symbol count adds instruments without changing the existing ones (their event times do change, since
 * the rate is shared).
 *
 * <p>Not thread-safe: one owner calls {@link #next()}. It holds no clock and does no I/O.
 */
public final class MarketSimulator {
    private final SimulatorConfig config;
    private final List<String> symbols;
    private final SymbolProcess[] processes;
    private final IntradayProfile profile;
    private long emitted;

    /**
     * @param config what to simulate, including the seed; not null
     */
    public MarketSimulator(SimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        Draws root = new Draws(new SplittableRandom(config.seed()));
        Draws names = root.split();
        this.symbols = SymbolNames.generate(config.symbols(), names);
        Grid priceGrid = new Grid(config.price().tickSize());
        Grid lotGrid = new Grid(config.volume().lotSize());
        List<SymbolProcess> built = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            built.add(new SymbolProcess(symbol, root.split(), config.price(), config.volume(), priceGrid, lotGrid));
        }
        this.processes = built.toArray(new SymbolProcess[0]);
        this.profile = new IntradayProfile(config.volume());
    }

    /**
     * Produces the next tick and advances the simulation.
     *
     * @return the next tick, always valid
     * @throws io.tickforge.schemas.InvalidRecordException if event time has run past {@link Tick}'s range (after
     *                                                     centuries of event time)
     */
    public Tick next() {
        long ts = nextEventTime();
        SymbolProcess process = processes[(int) (emitted % processes.length)];
        Tick tick = process.step(ts, profile.at(ts));
        emitted++;
        return tick;
    }

    /**
     * Draws ticks until {@code symbol} has {@code count} complete OHLCV bars of {@code barMillis}, aligned to
     * multiples of {@code barMillis} in event time: training data for tests and benchmarks that need a model of
     * simulated bars without a broker. Other symbols' ticks are drawn and dropped; the bar still open when the
     * count is reached is dropped too.
     *
     * @param symbol    one of {@link #symbols()}
     * @param count     bars wanted, at least 1
     * @param barMillis bar length, ms, positive
     * @return the bars, oldest first
     * @throws IllegalArgumentException when the symbol is not simulated, or count or barMillis is not positive
     */
    public List<Bar> nextBars(String symbol, int count, long barMillis) {
        if (!symbols.contains(symbol)) {
            throw new IllegalArgumentException("symbol must be one of " + symbols + ", got " + symbol);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (barMillis <= 0) {
            throw new IllegalArgumentException("barMillis must be positive, got " + barMillis);
        }
        List<Bar> bars = new ArrayList<>();
        long barStart = -1;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        double volume = 0;
        long trades = 0;
        while (bars.size() < count) {
            Tick t = next();
            if (!t.symbol().equals(symbol)) {
                continue;
            }
            long start = t.ts() - Math.floorMod(t.ts(), barMillis);
            if (start != barStart) {
                if (barStart >= 0) {
                    bars.add(new Bar(symbol, barStart, barMillis, open, high, low, close, volume, trades));
                }
                barStart = start;
                open = t.price();
                high = t.price();
                low = t.price();
                volume = 0;
                trades = 0;
            }
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            close = t.price();
            volume += t.size();
            trades++;
        }
        return bars;
    }

    /** @return the event time, epoch milliseconds, of the tick the next call to {@link #next()} returns */
    public long nextEventTime() {
        return eventTime(emitted);
    }

    /** @return the simulated symbols, in the order they take turns; unmodifiable */
    public List<String> symbols() {
        return symbols;
    }

    /** @return how many ticks {@link #next()} has returned */
    public long emitted() {
        return emitted;
    }

    /** @return the config this simulator runs */
    public SimulatorConfig config() {
        return config;
    }

    private long eventTime(long index) {
        return config.startMillis() + (long) Math.floor(index * 1000.0 / config.ratePerSecond());
    }
}
