package io.tickforge.trainer.retrain.internal;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Map;

/** {@link ScheduleState} as a format byte ({@value #FORMAT}), two big-endian longs and a flag byte: 18 bytes. */
public final class ScheduleStateSerde implements Serde<ScheduleState>, Serializer<ScheduleState>,
        Deserializer<ScheduleState> {
    /** The layout version written first; a reader refuses any other. */
    public static final byte FORMAT = 1;
    private static final int LENGTH = 1 + 2 * Long.BYTES + 1;

    @Override
    public byte[] serialize(String topic, ScheduleState state) {
        if (state == null) {
            return null;
        }
        return ByteBuffer.allocate(LENGTH).put(FORMAT).putLong(state.barsSince()).putLong(state.lastStartedAt())
                .put((byte) (state.firstRequested() ? 1 : 0)).array();
    }

    @Override
    public ScheduleState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != LENGTH || data[0] != FORMAT) {
            throw new SerializationException("schedule state must be " + LENGTH + " bytes of format " + FORMAT
                    + ", was " + data.length + " bytes" + (data.length > 0 ? " of format " + data[0] : ""));
        }
        ByteBuffer in = ByteBuffer.wrap(data, 1, LENGTH - 1);
        try {
            return new ScheduleState(in.getLong(), in.getLong(), in.get() != 0);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("schedule state bytes are corrupt", e);
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
    public Serializer<ScheduleState> serializer() {
        return this;
    }

    @Override
    public Deserializer<ScheduleState> deserializer() {
        return this;
    }
}
