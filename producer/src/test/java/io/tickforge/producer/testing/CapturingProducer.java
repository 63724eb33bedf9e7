package io.tickforge.producer.testing;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A {@link MockProducer} that also notes when (on a {@link FakeTime}) each record was handed to it, and runs a hook
 * after each send (e.g. to stop the loop after N records, or to make the producer slow).
 */
public final class CapturingProducer extends MockProducer<String, byte[]> {
    private final FakeTime time;
    private final List<Long> sendNanos = new ArrayList<>();
    private final List<Long> sendMillis = new ArrayList<>();
    private final IntConsumer afterSend;

    /**
     * @param autoComplete whether sends are acknowledged at once
     * @param time         the fake time to note
     * @param afterSend    called with the number of records sent so far, after each send
     */
    public CapturingProducer(boolean autoComplete, FakeTime time, IntConsumer afterSend) {
        super(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
        this.time = time;
        this.afterSend = afterSend;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        sendNanos.add(time.nanoTime());
        sendMillis.add(time.millis());
        Future<RecordMetadata> f = super.send(record, callback);
        afterSend.accept(sendNanos.size());
        return f;
    }

    /** @return the fake ticker time of each send */
    public synchronized List<Long> sendNanos() {
        return new ArrayList<>(sendNanos);
    }

    /** @return the fake wall-clock time of each send, epoch ms */
    public synchronized List<Long> sendMillis() {
        return new ArrayList<>(sendMillis);
    }
}
