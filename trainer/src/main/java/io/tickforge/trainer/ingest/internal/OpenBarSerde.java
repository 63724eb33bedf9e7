package io.tickforge.trainer.ingest.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@link OpenBar} in a small fixed binary layout for the open-bar store and its changelog: a format byte
 * ({@value #FORMAT}), the symbol as length-prefixed UTF-8, then the numbers big-endian.
 */
public final class OpenBarSerde implements Serde<OpenBar>, Serializer<OpenBar>, Deserializer<OpenBar> {
    /** The layout version written first; a reader refuses any other. */
    public static final byte FORMAT = 1;
    private static final int NUMBERS = 5 * Long.BYTES + 5 * Double.BYTES;

    @Override
    public byte[] serialize(String topic, OpenBar bar) {
        if (bar == null) {
            return null;
        }
        byte[] symbol = bar.symbol().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Integer.BYTES + symbol.length + NUMBERS)
                .put(FORMAT).putInt(symbol.length).put(symbol)
                .putLong(bar.start()).putLong(bar.intervalMs())
                .putLong(bar.openTs()).putDouble(bar.open()).putDouble(bar.high()).putDouble(bar.low())
                .putLong(bar.closeTs()).putDouble(bar.close()).putDouble(bar.volume())
                .putLong(bar.trades())
                .array();
    }

    @Override
    public OpenBar deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT) {
                throw new SerializationException("open bar format must be " + FORMAT + ", was " + format);
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - NUMBERS) {
                throw new SerializationException("open bar symbol length must fit the " + data.length
                        + " bytes, was " + length);
            }
            byte[] symbol = new byte[length];
            in.get(symbol);
            return new OpenBar(new String(symbol, StandardCharsets.UTF_8), in.getLong(), in.getLong(), in.getLong(),
                    in.getDouble(), in.getDouble(), in.getDouble(), in.getLong(), in.getDouble(), in.getDouble(),
                    in.getLong());
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("open bar bytes are corrupt (" + data.length + " bytes)", e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // no resources
    }

    @Override
    public Serializer<OpenBar> serializer() {
        return this;
    }

    @Override
    public Deserializer<OpenBar> deserializer() {
        return this;
    }
}
