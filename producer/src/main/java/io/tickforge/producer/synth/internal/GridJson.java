package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes {@code Tick} and {@code Bar} JSON for values on price and lot grids without Jackson and without
 * {@code Double.toString}: numbers go through {@link FixedDecimal} with the grids' decimals, and each instrument's
 * opening bytes ({@code {"symbol":"...",}) are made once ({@link #prefix}). The layout is the schemas module's
 * {@code JsonCodec}'s (same field order, nulls omitted), and for grid numbers from 0.001 to below 10^7 (where
 * {@code Double.toString} prints a plain short decimal) the bytes are the same; outside that range this writes plain
 * decimals where Jackson writes E notation. Either way {@code JsonCodec.decode} reads the result back to the same
 * record.
 *
 * <p>One instance per thread: it reuses one buffer. The arrays it returns are new and owned by the caller.
 */
public final class GridJson {
    private static final byte[] TS = ascii("\"ts\":");
    private static final byte[] START = ascii("\"start\":");
    private static final byte[] PRICE = ascii(",\"price\":");
    private static final byte[] SIZE = ascii(",\"size\":");
    private static final byte[] BID = ascii(",\"bid\":");
    private static final byte[] ASK = ascii(",\"ask\":");
    private static final byte[] INTERVAL = ascii(",\"intervalMs\":");
    private static final byte[] OPEN = ascii(",\"open\":");
    private static final byte[] HIGH = ascii(",\"high\":");
    private static final byte[] LOW = ascii(",\"low\":");
    private static final byte[] CLOSE = ascii(",\"close\":");
    private static final byte[] VOLUME = ascii(",\"volume\":");
    private static final byte[] TRADE_COUNT = ascii(",\"tradeCount\":");
    private static final int FIELDS_ROOM = 12 * (FixedDecimal.MAX_LENGTH + 16);

    private final int priceScale;
    private final int sizeScale;
    private byte[] buffer = new byte[256];

    /**
     * @param priceScale decimals of the price grid (prices, bids, asks, open/high/low/close)
     * @param sizeScale  decimals of the lot grid (sizes, volumes)
     */
    public GridJson(int priceScale, int sizeScale) {
        if (priceScale < 0 || priceScale > FixedDecimal.MAX_SCALE) {
            throw new IllegalArgumentException("priceScale must be from 0 to " + FixedDecimal.MAX_SCALE + ", got "
                    + priceScale);
        }
        if (sizeScale < 0 || sizeScale > FixedDecimal.MAX_SCALE) {
            throw new IllegalArgumentException("sizeScale must be from 0 to " + FixedDecimal.MAX_SCALE + ", got "
                    + sizeScale);
        }
        this.priceScale = priceScale;
        this.sizeScale = sizeScale;
    }

    /**
     * The opening bytes of every record of one instrument: {@code {"symbol":"<symbol>",}, the symbol escaped as JSON.
     *
     * @param symbol the instrument's name
     * @return the bytes, to pass to {@link #tick} and {@link #bar}
     */
    public static byte[] prefix(String symbol) {
        StringBuilder sb = new StringBuilder(symbol.length() + 16).append("{\"symbol\":\"");
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append("\",").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param prefix {@link #prefix} of the tick's symbol
     * @param tick   the tick
     * @return its JSON
     */
    public byte[] tick(byte[] prefix, Tick tick) {
        byte[] b = room(prefix.length);
        int p = put(b, 0, prefix);
        p = put(b, p, TS);
        p = FixedDecimal.writeLong(b, p, tick.ts());
        p = put(b, p, PRICE);
        p = FixedDecimal.write(b, p, tick.price(), priceScale);
        p = put(b, p, SIZE);
        p = FixedDecimal.write(b, p, tick.size(), sizeScale);
        if (tick.bid() != null) {
            p = put(b, p, BID);
            p = FixedDecimal.write(b, p, tick.bid(), priceScale);
        }
        if (tick.ask() != null) {
            p = put(b, p, ASK);
            p = FixedDecimal.write(b, p, tick.ask(), priceScale);
        }
        b[p++] = '}';
        return Arrays.copyOf(b, p);
    }

    /**
     * @param prefix {@link #prefix} of the bar's symbol
     * @param bar    the bar
     * @return its JSON
     */
    public byte[] bar(byte[] prefix, Bar bar) {
        byte[] b = room(prefix.length);
        int p = put(b, 0, prefix);
        p = put(b, p, START);
        p = FixedDecimal.writeLong(b, p, bar.start());
        p = put(b, p, INTERVAL);
        p = FixedDecimal.writeLong(b, p, bar.intervalMs());
        p = put(b, p, OPEN);
        p = FixedDecimal.write(b, p, bar.open(), priceScale);
        p = put(b, p, HIGH);
        p = FixedDecimal.write(b, p, bar.high(), priceScale);
        p = put(b, p, LOW);
        p = FixedDecimal.write(b, p, bar.low(), priceScale);
        p = put(b, p, CLOSE);
        p = FixedDecimal.write(b, p, bar.close(), priceScale);
        p = put(b, p, VOLUME);
        p = FixedDecimal.write(b, p, bar.volume(), sizeScale);
        p = put(b, p, TRADE_COUNT);
        p = FixedDecimal.writeLong(b, p, bar.tradeCount());
        b[p++] = '}';
        return Arrays.copyOf(b, p);
    }

    private byte[] room(int prefixLength) {
        int needed = prefixLength + FIELDS_ROOM;
        if (buffer.length < needed) {
            buffer = new byte[needed];
        }
        return buffer;
    }

    private static int put(byte[] b, int pos, byte[] bytes) {
        System.arraycopy(bytes, 0, b, pos, bytes.length);
        return pos + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
