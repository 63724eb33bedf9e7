package io.tickforge.producer.synth;

import org.apache.kafka.common.header.Header;

import java.util.List;
import java.util.Objects;

/**
 * One synthetic record, encoded and ready to send.
 *
 * @param key       the instrument's name
 * @param value     the encoded {@code Tick} or {@code Bar}
 * @param timestamp the event time, epoch ms: the tick's {@code ts} or the bar's {@code start}; the Kafka record
 *                  timestamp
 * @param releaseAt the earliest wall-clock time to send it in realtime pace, epoch ms: the tick's {@code ts}, or the
 *                  bar's end (a bar is complete when its interval has passed)
 * @param headers   see {@link SyntheticHeaders}
 * @param model     the model that made it
 * @param version   that model's version
 * @param seq       its number in the instrument's stream
 * @param keySize   the key's length in UTF-8 bytes (made once per instrument, not per record)
 */
public record SyntheticRecord(String key, byte[] value, long timestamp, long releaseAt, List<Header> headers,
                              String model, long version, long seq, int keySize) {

    /** Validates presence. */
    public SyntheticRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(model, "model");
        if (keySize < 0) {
            throw new IllegalArgumentException("keySize must be >= 0, got " + keySize);
        }
    }

    /**
     * A record whose key size is measured here.
     *
     * @param key       the instrument's name
     * @param value     the encoded {@code Tick} or {@code Bar}
     * @param timestamp the event time, epoch ms
     * @param releaseAt the earliest wall-clock time to send it in realtime pace, epoch ms
     * @param headers   see {@link SyntheticHeaders}
     * @param model     the model that made it
     * @param version   that model's version
     * @param seq       its number in the instrument's stream
     */
    public SyntheticRecord(String key, byte[] value, long timestamp, long releaseAt, List<Header> headers,
                           String model, long version, long seq) {
        this(key, value, timestamp, releaseAt, headers, model, version, seq, utf8Length(key));
    }

    /** @return key and value bytes (the key as UTF-8) */
    public int size() {
        return keySize + value.length;
    }

    /**
     * @param key a string
     * @return its length in UTF-8 bytes
     */
    public static int utf8Length(String key) {
        int keyBytes = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                keyBytes += 1;
            } else if (c < 0x800) {
                keyBytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                keyBytes += 4;
                i++;
            } else {
                keyBytes += 3;
            }
        }
        return keyBytes;
    }
}
