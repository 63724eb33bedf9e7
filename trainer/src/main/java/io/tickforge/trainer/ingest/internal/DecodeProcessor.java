package io.tickforge.trainer.ingest.internal;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.codec.RecordCodec;
import io.tickforge.trainer.ingest.DeadLetterHeaders;
import io.tickforge.trainer.ingest.DeadLetterReason;
import io.tickforge.trainer.metrics.TrainerMetrics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Decodes raw input records into ticks or bars, re-keyed by the record's own symbol (the input key may be missing
 * or differ). Anything unreadable becomes a {@link Decoded.Dead} with the original key and value bytes and the
 * {@link DeadLetterHeaders}; it is counted by reason and logged at WARN, and processing goes on. Every input
 * record is counted.
 *
 * @param <T> the record type
 */
public final class DecodeProcessor<T> implements Processor<byte[], byte[], String, Decoded<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final RecordCodec<T> codec;
    private final Function<T, String> symbolOf;
    private final ToLongFunction<T> eventTimeOf;
    private final String eventTimeField;
    private final long maxFutureSkewMs;
    private final TrainerMetrics metrics;
    private ProcessorContext<String, Decoded<T>> context;

    /**
     * @param codec          the wire format of the records
     * @param symbolOf       a record's symbol, the new key
     * @param eventTimeOf    a record's event time, epoch ms
     * @param eventTimeField the name of that field, for messages
     * @param maxFutureSkew  how far ahead of the wall clock an event time may be
     * @param metrics        where records are counted
     */
    public DecodeProcessor(RecordCodec<T> codec, Function<T, String> symbolOf, ToLongFunction<T> eventTimeOf,
                           String eventTimeField, Duration maxFutureSkew, TrainerMetrics metrics) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.symbolOf = Objects.requireNonNull(symbolOf, "symbolOf");
        this.eventTimeOf = Objects.requireNonNull(eventTimeOf, "eventTimeOf");
        this.eventTimeField = Objects.requireNonNull(eventTimeField, "eventTimeField");
        this.maxFutureSkewMs = maxFutureSkew.toMillis();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, Decoded<T>> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.recordIn();
        if (record.value() == null) {
            deadLetter(record, DeadLetterReason.NULL_VALUE, "value must not be null (a tombstone), expected a "
                    + codec.type().getSimpleName());
            return;
        }
        T value;
        try {
            value = codec.decode(record.value());
        } catch (InvalidRecordException e) {
            deadLetter(record, DeadLetterReason.classify(e), e.getMessage());
            return;
        } catch (RuntimeException e) {
            // the codecs promise InvalidRecordException; anything else is still the record's fault, no reason to stop
            deadLetter(record, DeadLetterReason.MALFORMED, "$ could not be decoded: " + e);
            return;
        }
        long eventTime = eventTimeOf.applyAsLong(value);
        long now = context.currentSystemTimeMs();
        if (eventTime - now > maxFutureSkewMs) {
            deadLetter(record, DeadLetterReason.BAD_TIMESTAMP, new InvalidRecordException(eventTimeField, eventTime,
                    "must be at most " + maxFutureSkewMs + " ms ahead of the wall clock " + now).getMessage());
            return;
        }
        context.forward(new Record<>(symbolOf.apply(value), new Decoded.Valid<>(value), record.timestamp(),
                record.headers()));
    }

    private void deadLetter(Record<byte[], byte[]> record, DeadLetterReason reason, String detail) {
        String source = context.recordMetadata().map(DecodeProcessor::source).orElse("unknown");
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(headers, reason, detail, source);
        metrics.deadLettered(reason.tag());
        LOG.warn("input record dead-lettered reason={} source={} detail={}", reason.tag(), source, detail);
        context.forward(new Record<>(null, new Decoded.Dead<>(record.key(), record.value()), record.timestamp(),
                headers));
    }

    private static String source(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
