package io.tickforge.producer.synth;

import io.tickforge.schemas.codec.WireFormat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What the producer generates for each model it serves.
 *
 * @param instruments  synthetic instruments per model, 1 to {@value #MAX_INSTRUMENTS}: independent endless streams
 *                     sampled together (one batch per model, which is also what makes sampling fast)
 * @param namePattern  how instruments are named, see {@link InstrumentNames} (default {@value
 *                     InstrumentNames#DEFAULT_PATTERN}); the name is the record key and symbol
 * @param output       {@link OutputMode#TICKS} (default) or {@link OutputMode#BARS}
 * @param format       the wire format of record values, {@link WireFormat#JSON} (default) or Avro
 * @param startPrice   the price level synthetic instruments start around for models trained on log returns
 *                     (which know no price level): each instrument's first close is drawn, with its seed, from a
 *                     log-normal around it (log standard deviation {@value #START_PRICE_LOG_SPREAD}); finite, &gt; 0,
 *                     default {@value #DEFAULT_START_PRICE}. Ignored by models trained on price levels.
 * @param seed         the seed of every random choice (noise, start prices, tick paths); the same seed and model
 *                     give the same records
 * @param barInterval  the bar length used when a model's data window cannot tell it (see
 *                     {@link ServedModel#barInterval()}), at least 1 ms, default 1 s
 * @param ticksPerBar  ticks each bar is expanded into in {@link OutputMode#TICKS}, 4 to {@value #MAX_TICKS_PER_BAR}
 *                     (enough to touch open, high, low and close), default {@value #DEFAULT_TICKS_PER_BAR}
 * @param firstIndex   the number of a model's first instrument, &gt;= 0, default 1; replicas that share a model each
 *                     take a range of instruments with different first indexes (an instrument's stream depends only
 *                     on the seed, the model and its number, not on which replica serves it)
 * @param priceIncrement the price grid: every price, bid, ask, open, high, low and close is a whole multiple of it,
 *                     at least one increment (a positive price never rounds to 0); a decimal with at most
 *                     {@value #MAX_DECIMALS} decimals, from {@value #MIN_STEP} to {@value #MAX_STEP}, default
 *                     {@value #DEFAULT_PRICE_INCREMENT} (a cent)
 * @param lotSize      the lot: every size and volume is a whole number of lots (a size may be 0 lots when a bar's
 *                     volume has fewer lots than ticks); the same range as {@code priceIncrement}, default
 *                     {@value #DEFAULT_LOT_SIZE}
 */
public record SynthConfig(int instruments, String namePattern, OutputMode output, WireFormat format, double startPrice,
                          long seed, Duration barInterval, int ticksPerBar, int firstIndex, double priceIncrement,
                          double lotSize) {

    /** The most instruments per model. */
    public static final int MAX_INSTRUMENTS = 100_000;
    /** The most ticks per bar. */
    public static final int MAX_TICKS_PER_BAR = 10_000;
    /** Default instruments per model. */
    public static final int DEFAULT_INSTRUMENTS = 10;
    /** Default start price. */
    public static final double DEFAULT_START_PRICE = 100.0;
    /** Log standard deviation of the instruments' start prices around {@code startPrice}. */
    public static final double START_PRICE_LOG_SPREAD = 0.25;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Default ticks per bar. */
    public static final int DEFAULT_TICKS_PER_BAR = 10;
    /** Default price increment: a cent. */
    public static final double DEFAULT_PRICE_INCREMENT = 0.01;
    /** Default lot size: one unit. */
    public static final double DEFAULT_LOT_SIZE = 1.0;
    /** Most decimals of a price increment or a lot size. */
    public static final int MAX_DECIMALS = 8;
    /** Smallest price increment or lot size. */
    public static final double MIN_STEP = 1e-8;
    /** Largest price increment or lot size. */
    public static final double MAX_STEP = 1e6;
    /** Default bar interval, when a model cannot tell its own. */
    public static final Duration DEFAULT_BAR_INTERVAL = Duration.ofSeconds(1);

    /** Validates every field; messages name it ({@code synth.*}) and the value. */
    public SynthConfig {
        if (instruments < 1 || instruments > MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("synth.instruments must be from 1 to " + MAX_INSTRUMENTS + ", got "
                    + instruments);
        }
        InstrumentNames.compile(namePattern);
        Objects.requireNonNull(output, "synth.output must not be null");
        Objects.requireNonNull(format, "synth.format must not be null");
        if (!Double.isFinite(startPrice) || startPrice <= 0 || startPrice > 1e9) {
            throw new IllegalArgumentException("synth.startPrice must be finite, > 0 and at most 1e9, got "
                    + startPrice);
        }
        Objects.requireNonNull(barInterval, "synth.barInterval must not be null");
        if (barInterval.toMillis() < 1) {
            throw new IllegalArgumentException("synth.barInterval must be at least 1ms, got " + barInterval);
        }
        if (ticksPerBar < 4 || ticksPerBar > MAX_TICKS_PER_BAR) {
            throw new IllegalArgumentException("synth.ticksPerBar must be from 4 to " + MAX_TICKS_PER_BAR + ", got "
                    + ticksPerBar);
        }
        if (firstIndex < 0) {
            throw new IllegalArgumentException("synth.firstIndex must be >= 0, got " + firstIndex);
        }
        checkStep("synth.priceIncrement", priceIncrement);
        checkStep("synth.lotSize", lotSize);
        if (priceIncrement > startPrice) {
            throw new IllegalArgumentException("synth.priceIncrement must be at most synth.startPrice " + startPrice
                    + ", got " + priceIncrement);
        }
    }

    private static void checkStep(String field, double value) {
        if (!Double.isFinite(value) || value < MIN_STEP || value > MAX_STEP) {
            throw new IllegalArgumentException(field + " must be from " + MIN_STEP + " to " + MAX_STEP + ", got "
                    + value);
        }
        if (BigDecimal.valueOf(value).stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(field + " must have at most " + MAX_DECIMALS + " decimals, got "
                    + value);
        }
    }

    /** @return 10 instruments per model named {@code SYN-{symbol}-{index:04d}} from 1, ticks, JSON, start price 100,
     *     seed 42, 1 s bars when a model cannot tell, 10 ticks per bar, prices in cents, sizes in whole units */
    public static SynthConfig defaults() {
        return new SynthConfig(DEFAULT_INSTRUMENTS, InstrumentNames.DEFAULT_PATTERN, OutputMode.TICKS, WireFormat.JSON,
                DEFAULT_START_PRICE, DEFAULT_SEED, DEFAULT_BAR_INTERVAL, DEFAULT_TICKS_PER_BAR, 1, DEFAULT_PRICE_INCREMENT,
                DEFAULT_LOT_SIZE);
    }

    /** @return the compiled {@link #namePattern} */
    public InstrumentNames names() {
        return InstrumentNames.compile(namePattern);
    }

    /**
     * @param value instruments per model
     * @return a copy with it
     */
    public SynthConfig withInstruments(int value) {
        return new SynthConfig(value, namePattern, output, format, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the name pattern
     * @return a copy with it
     */
    public SynthConfig withNamePattern(String value) {
        return new SynthConfig(instruments, value, output, format, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the output mode
     * @return a copy with it
     */
    public SynthConfig withOutput(OutputMode value) {
        return new SynthConfig(instruments, namePattern, value, format, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the wire format
     * @return a copy with it
     */
    public SynthConfig withFormat(WireFormat value) {
        return new SynthConfig(instruments, namePattern, output, value, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the start price
     * @return a copy with it
     */
    public SynthConfig withStartPrice(double value) {
        return new SynthConfig(instruments, namePattern, output, format, value, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the seed
     * @return a copy with it
     */
    public SynthConfig withSeed(long value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, value, barInterval, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the fallback bar interval
     * @return a copy with it
     */
    public SynthConfig withBarInterval(Duration value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, seed, value, ticksPerBar,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value ticks per bar
     * @return a copy with it
     */
    public SynthConfig withTicksPerBar(int value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, seed, barInterval, value,
                firstIndex, priceIncrement, lotSize);
    }

    /**
     * @param value the first instrument's number
     * @return a copy with it
     */
    public SynthConfig withFirstIndex(int value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, seed, barInterval, ticksPerBar,
                value, priceIncrement, lotSize);
    }

    /**
     * @param value the price increment
     * @return a copy with it
     */
    public SynthConfig withPriceIncrement(double value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, value, lotSize);
    }

    /**
     * @param value the lot size
     * @return a copy with it
     */
    public SynthConfig withLotSize(double value) {
        return new SynthConfig(instruments, namePattern, output, format, startPrice, seed, barInterval, ticksPerBar,
                firstIndex, priceIncrement, value);
    }
}
