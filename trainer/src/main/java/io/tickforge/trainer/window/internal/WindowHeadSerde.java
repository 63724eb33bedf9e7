package io.tickforge.trainer.window.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Map;

/** {@link WindowHead} as a format byte ({@value #FORMAT}) and three big-endian longs: 25 bytes. */
public final class WindowHeadSerde implements Serde<WindowHead>, Serializer<WindowHead>, Deserializer<WindowHead> {
    /** The layout version written first; a reader refuses any other. */
    public static final byte FORMAT = 1;
    private static final int LENGTH = 1 + 3 * Long.BYTES;

    @Override
    public byte[] serialize(String topic, WindowHead head) {
        if (head == null) {
            return null;
        }
        return ByteBuffer.allocate(LENGTH).put(FORMAT).putLong(head.first()).putLong(head.next())
                .putLong(head.lastStart()).array();
    }

    @Override
    public WindowHead deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != LENGTH || data[0] != FORMAT) {
            throw new SerializationException("window head must be " + LENGTH + " bytes of format " + FORMAT
                    + ", was " + data.length + " bytes" + (data.length > 0 ? " of format " + data[0] : ""));
        }
        ByteBuffer in = ByteBuffer.wrap(data, 1, LENGTH - 1);
        try {
            return new WindowHead(in.getLong(), in.getLong(), in.getLong());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("window head bytes are corrupt", e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // no resources
    }

    @Override
    public Serializer<WindowHead> serializer() {
        return this;
    }

    @Override
    public Deserializer<WindowHead> deserializer() {
        return this;
    }
}
